import { inject, type InjectionKey } from 'vue';
import type { PortalContext } from '@co2/shell-sdk';

export const PORTAL_CONTEXT: InjectionKey<PortalContext> = Symbol('portal-context');

/** The shell's writable context (remotes only ever get a read-only view through their mount props). */
export function usePortalContext(): PortalContext {
  const context = inject(PORTAL_CONTEXT);
  if (!context) throw new Error('PortalContext not provided');
  return context;
}
