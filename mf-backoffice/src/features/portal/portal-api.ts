import { CreatedPublishToken, RemoteAdminList } from '@co2/contracts';
import { createApiClient, type ApiClient } from '@co2/shell-sdk';

/** The BFF's admin routes for remote delivery (not core-api: they live under /bff/admin, CSRF header added by the client). */
export function portalApi(client: ApiClient = createApiClient({ baseUrl: '/bff/admin' })) {
  const remote = (name: string) => `/remotes/${encodeURIComponent(name)}`;
  return {
    list: () => client.get('/remotes', RemoteAdminList),
    promote: (name: string, version: string) => client.post(`${remote(name)}/promote`, RemoteAdminList, { version }),
    canary: (name: string, version: string, percent: number) => client.post(`${remote(name)}/canary`, RemoteAdminList, { version, percent }),
    rollback: (name: string) => client.post(`${remote(name)}/rollback`, RemoteAdminList),
    createToken: (name: string, label: string) => client.post(`${remote(name)}/tokens`, CreatedPublishToken, { label }),
    revokeToken: (name: string, id: string) => client.delete(`${remote(name)}/tokens/${encodeURIComponent(id)}`, RemoteAdminList),
  };
}
export type PortalApi = ReturnType<typeof portalApi>;
