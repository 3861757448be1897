import type { ApiClient } from './api-client.js';
import type { PortalContextView } from './context.js';
import type { PortalNavigation } from './navigation.js';

/**
 * What every remote receives from the shell when single-spa mounts it (the shell's `customProps` plus what
 * single-spa adds). Objects are passed raw (`markRaw`) or already reactive, never to be copied.
 */
export interface PortalMountProps {
  /** Route prefix owned by the shell, e.g. `/travel`: the remote's router base. */
  basePath: string;
  api: ApiClient;
  /** Reactive, read-only view of the shell's context (locale, user, unit, year). */
  context: PortalContextView;
  /** The shell's navigation: a remote's router uses it through `createPortalHistory(basePath, navigation)`. */
  navigation: PortalNavigation;
  /** Asks the shell to read the units and years again (e.g. after the back office opened or closed a year). */
  refreshContext: () => Promise<void>;
  /** Container the shell reserved for this remote (outside its `<router-view>`). */
  domElement?: HTMLElement;
  /** Added by single-spa. */
  name?: string;
  singleSpa?: unknown;
  mountParcel?: unknown;
}
