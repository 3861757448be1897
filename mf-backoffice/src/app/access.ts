// Who may use which back-office page: `admin` pages need `backoffice.admin@global`, `backoffice` pages any back-office
// role (the shell mounts this remote only for those). core-api enforces the same on every route.
import { inject, type InjectionKey } from 'vue';
import { parseRoleClaims, type PortalMountProps } from '@co2/shell-sdk';

export type FeatureAccess = 'admin' | 'backoffice';

export function isGlobalAdmin(roles: readonly string[]): boolean {
  return parseRoleClaims(roles).some((grant) => grant.role === 'backoffice.admin' && grant.scope.kind === 'global');
}

export function mayUse(access: FeatureAccess | undefined, roles: readonly string[]): boolean {
  return access !== 'admin' || isGlobalAdmin(roles);
}

/** The mount props, for the remote's frame (navigation, role gate); pages get what they need as route props. */
export const PORTAL_PROPS: InjectionKey<PortalMountProps> = Symbol('backoffice-portal-props');

export function usePortalProps(): PortalMountProps {
  const props = inject(PORTAL_PROPS);
  if (!props) throw new Error('the back office was mounted without its portal props');
  return props;
}
