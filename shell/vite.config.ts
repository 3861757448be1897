import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { quasar, transformAssetUrls } from '@quasar/vite-plugin';
import { SHARED_SINGLETONS } from '@co2/shell-sdk/federation';
import { compressedAssets } from '@co2/shell-sdk/compression';

const require = createRequire(import.meta.url);
/** The page's entry (index.html) and main.ts: kept out of the `shell` chunk (see build.rolldownOptions). */
const ENTRY = /[\\/](?:index\.html|src[\\/]main\.ts)$/;

/** Version of an installed package: the nearest package.json above its resolved entry that carries its name. */
function installedVersion(name: string): string {
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    } catch {
      // no package.json at this level
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`shell build: no package.json with the version of ${name}`);
    dir = parent;
  }
}

// The shell is the Module Federation host at run time only (src/federation/host.ts, loaded after sign-in): no
// federation build plugin, so the signed-out first screen is a plain Vue app. It declares no remotes either:
// they come from /portal/remotes.json at runtime (registerRemotes), so this build contains no remote URL. The
// singletons it offers the remotes are announced with the versions installed here.
export default defineConfig({
  plugins: [vue({ template: { transformAssetUrls } }), quasar({ sassVariables: false }), compressedAssets()],
  define: {
    __CO2_SHARED_VERSIONS__: JSON.stringify(Object.fromEntries(Object.keys(SHARED_SINGLETONS).map((name) => [name, installedVersion(name)]))),
  },
  build: {
    target: 'esnext',
    // Everything the entry imports statically (vue, the router, the Quasar components of the layout, the shell's
    // own modules) in one chunk: the signed-out first screen is then two scripts instead of a dozen small ones
    // that rolldown would otherwise split off because the signed-in lazy chunks share them. main.ts stays out of
    // it: its top-level await lasts until the portal has started, and a lazy chunk importing from the module
    // that awaits it would wait forever.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'shell', tags: ['$initial'], test: (id: string) => !ENTRY.test(id) }] } } },
  },
});
