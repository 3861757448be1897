// The shell as Module Federation host, at run time only. The shell is built without the federation build
// plugin, so the signed-out first screen carries neither the federation runtime nor a share-scope bootstrap that
// would load every shared package up front. Once a user is signed in, start.ts calls `initFederationHost()`:
// it creates the runtime instance and offers the remotes the shell's own singletons — vue, vue-router,
// @co2/shell-sdk and the contracts, already loaded — and pinia and vue-i18n, which only remotes use, on demand.
import { init } from '@module-federation/runtime';
import * as vue from 'vue';
import * as vueRouter from 'vue-router';
import * as shellSdk from '@co2/shell-sdk';
import { SHARED_SINGLETONS, SHARE_STRATEGY } from '@co2/shell-sdk/federation';
import { loadContracts } from '../contracts.js';

type SharedName = keyof typeof SHARED_SINGLETONS;
type Provider = { lib: () => unknown } | { get: () => Promise<() => unknown> };

/** Installed version of each shared package, read at build time (shell/vite.config.ts). */
declare const __CO2_SHARED_VERSIONS__: Record<SharedName, string>;

const loaded = (module: unknown): Provider => ({ lib: () => module });
const onDemand = (load: () => Promise<unknown>): Provider => ({
  get: async () => {
    const module = await load();
    return () => module;
  },
});

let host: Promise<ReturnType<typeof init>> | undefined;

/** Creates the federation runtime instance once; `registerRemotes` / `loadRemote` work after it. */
export function initFederationHost(): Promise<ReturnType<typeof init>> {
  host ??= (async () => {
    const providers: Record<SharedName, Provider> = {
      vue: loaded(vue),
      'vue-router': loaded(vueRouter),
      '@co2/shell-sdk': loaded(shellSdk),
      '@co2/contracts': loaded(await loadContracts()),
      pinia: onDemand(() => import('pinia')),
      'vue-i18n': onDemand(() => import('vue-i18n')),
    };
    const shared = Object.fromEntries(
      Object.entries(SHARED_SINGLETONS).map(([name, { singleton, requiredVersion }]) => [
        name,
        { version: __CO2_SHARED_VERSIONS__[name as SharedName], scope: 'default', shareConfig: { singleton, requiredVersion }, ...providers[name as SharedName] },
      ]),
    );
    return init({ name: 'co2_shell', remotes: [], shared, shareStrategy: SHARE_STRATEGY });
  })();
  return host;
}
