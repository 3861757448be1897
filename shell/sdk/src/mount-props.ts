import type { ApiClient } from './api-client.js';
import type { PortalContextView } from './context.js';

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
  /** Container the shell reserved for this remote (outside its `<router-view>`). */
  domElement?: HTMLElement;
  /** Added by single-spa. */
  name?: string;
  singleSpa?: unknown;
  mountParcel?: unknown;
}
