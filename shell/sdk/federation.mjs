// Module Federation settings the shell and the remotes must agree on. Plain ESM without Node imports: the
// remotes' vite configs import it under Node, and the shell's run-time host (shell/src/federation/host.ts)
// imports it in the browser. A shared workspace package must not list another one in its dependencies (see
// test/federation.test.ts): the remotes would then bundle and download their own copy of it.

/**
 * True singletons only. Quasar is deliberately absent: @quasar/vite-plugin rewrites its imports to per-file
 * paths, so a share would never match and only add a download (see docs / stack notes).
 */
export const SHARED_SINGLETONS = {
  vue: { singleton: true, requiredVersion: '^3.5.0' },
  'vue-router': { singleton: true, requiredVersion: '^5.0.0' },
  pinia: { singleton: true, requiredVersion: '^4.0.0' },
  'vue-i18n': { singleton: true, requiredVersion: '^11.0.0' },
  '@co2/shell-sdk': { singleton: true, requiredVersion: '^0.1.0' },
  '@co2/contracts': { singleton: true, requiredVersion: '^0.1.0' },
};

/** One remote that fails to load must not blank the page. */
export const SHARE_STRATEGY = 'loaded-first';

/** Federation options of a remote: one exposed module, `./lifecycle`, built with single-spa-vue. */
export function remoteFederationOptions(name) {
  return {
    name,
    filename: 'remoteEntry.js',
    exposes: { './lifecycle': './src/lifecycle.ts' },
    shared: SHARED_SINGLETONS,
    shareStrategy: SHARE_STRATEGY,
    dts: false,
    manifest: true,
  };
}
