// Tokens kept in the session: mapping from token responses, and refresh shortly before expiry, with
// concurrent refreshes of the same refresh token sharing one request.
import type { Request } from 'express';
import * as oidc from 'openid-client';
import { BffError } from '../errors.js';
import type { OidcClient } from './oidc-client.js';
import type { SessionTokens, SessionUser } from './session-data.js';

/** Refresh when the access token expires within this many seconds. */
const REFRESH_SKEW_SECONDS = 60;
/** How long a finished refresh is reused by requests that loaded the session before it was saved. */
const REUSE_MS = 30_000;

type TokenResponse = oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

const nowSeconds = () => Math.floor(Date.now() / 1000);
const str = (value: unknown) => (typeof value === 'string' ? value : null);

export function userFromClaims(claims: oidc.IDToken): SessionUser {
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
  return { sub: claims.sub, name: str(claims.name), email: str(claims.email), roles };
}

export function tokensFromResponse(response: TokenResponse, previous?: SessionTokens): SessionTokens {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? previous?.refreshToken ?? null,
    idToken: response.id_token ?? previous?.idToken ?? null,
    expiresAt: nowSeconds() + (response.expires_in ?? 300),
  };
}

interface Refreshed {
  tokens: SessionTokens;
  user?: SessionUser;
}

export interface TokenRefresher {
  /**
   * The session's tokens, refreshed when about to expire. Returns undefined when the session has no
   * usable tokens (signed out, or the refresh token was refused); throws idp_unavailable on network errors.
   */
  freshTokens(req: Request): Promise<SessionTokens | undefined>;
}

export function createTokenRefresher(client: OidcClient): TokenRefresher {
  const inflight = new Map<string, Promise<Refreshed>>();

  async function refresh(previous: SessionTokens & { refreshToken: string }): Promise<Refreshed> {
    const response = await oidc.refreshTokenGrant(await client.get(), previous.refreshToken);
    const claims = response.claims();
    return { tokens: tokensFromResponse(response, previous), ...(claims ? { user: userFromClaims(claims) } : {}) };
  }

  function shared(previous: SessionTokens & { refreshToken: string }): Promise<Refreshed> {
    let promise = inflight.get(previous.refreshToken);
    if (!promise) {
      promise = refresh(previous);
      inflight.set(previous.refreshToken, promise);
      const forget = () => setTimeout(() => inflight.delete(previous.refreshToken), REUSE_MS).unref();
      promise.then(forget, forget);
    }
    return promise;
  }

  return {
    async freshTokens(req) {
      const tokens = req.session.tokens;
      if (!tokens || !req.session.user) return undefined;
      if (tokens.expiresAt - nowSeconds() > REFRESH_SKEW_SECONDS) return tokens;
      const { refreshToken } = tokens;
      if (!refreshToken) return undefined;
      try {
        const refreshed = await shared({ ...tokens, refreshToken });
        req.session.tokens = refreshed.tokens;
        if (refreshed.user) req.session.user = refreshed.user;
        return refreshed.tokens;
      } catch (error) {
        if (error instanceof oidc.ResponseBodyError) {
          req.log?.info({ error: error.error }, 'refresh token refused; session ends');
          return undefined;
        }
        if (error instanceof BffError) throw error;
        throw new BffError('idp_unavailable', `Token refresh failed: ${(error as Error).message}`);
      }
    },
  };
}
