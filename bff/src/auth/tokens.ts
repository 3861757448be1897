// Tokens kept in the session: mapping from token responses, and refresh shortly before expiry. Concurrent
// requests of one session share one refresh; a refused refresh ends the session.
import type { Request } from 'express';
import * as oidc from 'openid-client';
import { BffError } from '../errors.js';
import type { Clock } from '../session/clock.js';
import type { BffStore } from '../session/pg-store.js';
import type { OidcClient } from './oidc-client.js';
import { replaceTokens, type SessionTokens, type SessionUser, type StoredSession } from './session-data.js';

/** Refresh when the access token expires within this many seconds. */
export const REFRESH_SKEW_SECONDS = 60;
/** How long a finished refresh is reused by requests that loaded the session before it was saved. */
const REUSE_MS = 30_000;

type TokenResponse = oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

const str = (value: unknown) => (typeof value === 'string' ? value : null);

export function userFromClaims(claims: oidc.IDToken): SessionUser {
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
  return { sub: claims.sub, name: str(claims.name), email: str(claims.email), roles };
}

export function tokensFromResponse(response: TokenResponse, nowMs: number, previous?: SessionTokens): SessionTokens {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? previous?.refreshToken ?? null,
    idToken: response.id_token ?? previous?.idToken ?? null,
    expiresAt: Math.floor(nowMs / 1000) + (response.expires_in ?? 300),
  };
}

export interface TokenRefresher {
  /**
   * The session's tokens, refreshed when about to expire (and put into the session, which express-session
   * then saves). Undefined when the session has no usable tokens (the refresh token was refused): the caller
   * ends the session. Throws idp_unavailable on network errors (the session stays).
   */
  freshTokens(req: Request): Promise<SessionTokens | undefined>;
  /** The session's tokens when they need no refresh now (no promise: the path of most API calls). */
  usableTokens(req: Request): SessionTokens | undefined;
}

export interface RefresherDeps {
  clock: Clock;
  /** Called once per refresh grant sent to the provider (metrics, tests). */
  onRefresh?: () => void;
}

interface Refreshed {
  tokens: SessionTokens;
  user?: SessionUser;
}

const usable = (tokens: SessionTokens | undefined, nowMs: number): boolean =>
  tokens !== undefined && tokens.expiresAt - nowMs / 1000 > REFRESH_SKEW_SECONDS;

/** The session as stored now (another request or BFF instance may have refreshed it meanwhile): past the read cache. */
const reload = (req: Request) => {
  (req.sessionStore as unknown as Partial<BffStore>).forget?.(req.sessionID);
  return new Promise<StoredSession | undefined>((resolve) => req.sessionStore.get(req.sessionID, (err, sess) => resolve(err ? undefined : (sess ?? undefined))));
};

export function createTokenRefresher(client: OidcClient, deps: RefresherDeps): TokenRefresher {
  const inflight = new Map<string, Promise<Refreshed | undefined>>();

  async function refresh(req: Request, previous: SessionTokens, refreshToken: string): Promise<Refreshed | undefined> {
    try {
      deps.onRefresh?.();
      const response = await oidc.refreshTokenGrant(await client.get(), refreshToken);
      const claims = response.claims();
      return { tokens: tokensFromResponse(response, deps.clock(), previous), ...(claims ? { user: userFromClaims(claims) } : {}) };
    } catch (error) {
      if (error instanceof oidc.ResponseBodyError) {
        // Another BFF instance may have refreshed (and rotated) this token a moment ago: use its result.
        const stored = await reload(req);
        if (stored?.tokens && stored.tokens.refreshToken !== refreshToken && usable(stored.tokens, deps.clock())) return { tokens: stored.tokens };
        req.log?.info({ error: error.error }, 'refresh token refused; the session ends');
        return undefined;
      }
      if (error instanceof BffError) throw error;
      throw new BffError('idp_unavailable', `Token refresh failed: ${(error as Error).message}`);
    }
  }

  /** One refresh per (session, access token): concurrent requests and requests that loaded the old tokens share it. */
  function shared(req: Request, tokens: SessionTokens, refreshToken: string): Promise<Refreshed | undefined> {
    const key = `${req.sessionID}:${tokens.accessToken}`;
    let promise = inflight.get(key);
    if (!promise) {
      promise = refresh(req, tokens, refreshToken);
      inflight.set(key, promise);
      const forget = () => setTimeout(() => inflight.delete(key), REUSE_MS).unref();
      promise.then(forget, () => inflight.delete(key));
    }
    return promise;
  }

  return {
    usableTokens(req) {
      const { tokens, user } = req.session;
      return tokens && user && usable(tokens, deps.clock()) ? tokens : undefined;
    },
    async freshTokens(req) {
      const { tokens, user } = req.session;
      if (!tokens || !user) return undefined;
      if (usable(tokens, deps.clock())) return tokens;
      if (!tokens.refreshToken) return undefined;
      const refreshed = await shared(req, tokens, tokens.refreshToken);
      if (!refreshed) return undefined;
      replaceTokens(req.session, refreshed.tokens);
      if (refreshed.user) req.session.user = refreshed.user;
      return refreshed.tokens;
    },
  };
}
