// oidc-provider configuration of the development provider: demo accounts, first-party clients with
// automatic consent, refresh tokens, JWT access tokens for the core-api audience, RP-initiated logout.
import type { ClientMetadata, Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { errors } from 'oidc-provider';
import { createMemoryAdapter } from './memory-adapter.js';
import { accountClaims, findDemoAccount } from './accounts.js';
import type { ProviderKeys } from './keys.js';
import { errorPage, logoutPage, postLogoutPage } from './views.js';

export const SCOPES = ['openid', 'profile', 'email', 'roles', 'offline_access'] as const;
const SCOPE_STRING = SCOPES.join(' ');
const DAY = 24 * 60 * 60;

export interface DevIdpClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** Optional back-channel logout endpoint of the client (OpenID Connect Back-Channel Logout). */
  backchannelLogoutUri?: string;
}

export interface ConfigurationOptions {
  clients: DevIdpClient[];
  audience: string;
  keys: ProviderKeys;
  accessTokenTtlSeconds: number;
}

function clientMetadata(client: DevIdpClient): ClientMetadata {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    ...(client.backchannelLogoutUri ? { backchannel_logout_uri: client.backchannelLogoutUri, backchannel_logout_session_required: true } : {}),
  };
}

/** Resource indicators the tokens may be issued for: the core-api audience, or any absolute URI (for tests of wrong audiences). */
function requestedResources(ctx: KoaContextWithOIDC, audience: string): string[] {
  const requested = ctx.oidc.params?.resource;
  const list = Array.isArray(requested) ? requested : typeof requested === 'string' ? [requested] : [];
  return [...new Set([audience, ...list.map(String)])];
}

export function providerConfiguration({ clients, audience, keys, accessTokenTtlSeconds }: ConfigurationOptions): Configuration {
  return {
    adapter: createMemoryAdapter(),
    clients: clients.map(clientMetadata),
    jwks: keys.jwks as Configuration['jwks'],
    cookies: { keys: keys.cookieKeys },
    scopes: [...SCOPES],
    claims: { openid: ['sub'], profile: ['name', 'institutional_id'], email: ['email', 'email_verified'], roles: ['roles'] },
    // Put the scope-granted claims into the ID token even though an access token is issued as well.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    async findAccount(_ctx, sub) {
      const account = findDemoAccount(sub);
      if (!account) return undefined;
      return { accountId: account.login, claims: () => accountClaims(account) };
    },
    // First-party clients: consent is granted automatically for every scope and requested resource.
    async loadExistingGrant(ctx) {
      const { oidc } = ctx;
      if (!oidc.client || !oidc.session?.accountId) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      const grant = existing ?? new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope(SCOPE_STRING);
      for (const resource of requestedResources(ctx, audience)) grant.addResourceScope(resource, SCOPE_STRING);
      await grant.save();
      return grant;
    },
    // Refresh tokens for every client allowed the grant, without requiring prompt=consent for offline_access.
    async issueRefreshToken(_ctx, client) {
      return client.grantTypeAllowed('refresh_token');
    },
    async extraTokenClaims(_ctx, token) {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const account = findDemoAccount(token.accountId);
      if (!account) return undefined;
      const { name, email, roles, institutional_id } = accountClaims(account);
      return institutional_id ? { name, email, roles, institutional_id } : { name, email, roles };
    },
    ttl: {
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      Grant: 14 * DAY,
      Session: 14 * DAY,
      RefreshToken: 14 * DAY,
    },
    features: {
      devInteractions: { enabled: false },
      // A client may revoke only its own tokens.
      revocation: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.body = postLogoutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (_ctx, _client, oneOf) => oneOf ?? audience,
        useGrantedResource: async () => true,
        async getResourceServerInfo(_ctx, resourceIndicator) {
          if (!URL.canParse(resourceIndicator)) throw new errors.InvalidTarget();
          return { scope: SCOPE_STRING, audience: resourceIndicator, accessTokenFormat: 'jwt', accessTokenTTL: accessTokenTtlSeconds };
        },
      },
    },
    // oidc-provider refuses outgoing requests to loopback and private addresses (SSRF guard). The development
    // provider delivers back-channel logout tokens to a BFF on localhost, so it sends them without that guard.
    fetch: (url, options) => {
      const { dispatcher: _ssrfGuard, ...rest } = options as RequestInit & { dispatcher?: unknown };
      return globalThis.fetch(url, rest);
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage({ ...out });
    },
  };
}
