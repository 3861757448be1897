// GET /auth/login and GET /auth/callback: authorization code + PKCE + state + nonce. The login transaction
// lives in the browser's (pre-login) session row, so only the browser that started it can finish it, and
// it is taken out of the row atomically before the code exchange, so it is used at most once.
import { Router } from 'express';
import * as oidc from 'openid-client';
import type { BffConfig } from '../config.js';
import { BffError } from '../errors.js';
import type { Clock } from '../session/clock.js';
import { PRE_LOGIN_LIFETIME_MS } from '../session/lifetimes.js';
import type { SessionRepository } from '../session/repository.js';
import type { OidcClient } from './oidc-client.js';
import { safeReturnTo } from './return-to.js';
import { regenerateSession, saveSession, type PendingLogin } from './session-data.js';
import { tokensFromResponse, userFromClaims } from './tokens.js';

const PENDING_LOGIN_MS = PRE_LOGIN_LIFETIME_MS;
const MAX_PENDING_LOGINS = 5;

export interface LoginDeps {
  oidc: OidcClient;
  sessions: SessionRepository;
  clock: Clock;
}

function keepRecent(pending: Record<string, PendingLogin> = {}, now: number): Record<string, PendingLogin> {
  const fresh = Object.entries(pending)
    .filter(([, p]) => now - p.createdAt < PENDING_LOGIN_MS)
    .sort(([, a], [, b]) => b.createdAt - a.createdAt)
    .slice(0, MAX_PENDING_LOGINS - 1);
  return Object.fromEntries(fresh);
}

/** Errors of the callback → 400 login_failed (never a 500). */
function loginFailure(error: unknown): BffError {
  if (error instanceof BffError) return error;
  if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError) {
    return new BffError('login_failed', `Sign-in failed: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}`);
  }
  if (error instanceof TypeError && /fetch failed/.test(error.message)) return new BffError('idp_unavailable');
  return new BffError('login_failed', `Sign-in failed: ${(error as Error).message}`);
}

export function loginRoutes(config: BffConfig, { oidc: client, sessions, clock }: LoginDeps): Router {
  const router = Router();

  router.get('/auth/login', async (req, res) => {
    const configuration = await client.get();
    const returnTo = safeReturnTo(req.query.returnTo);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const now = clock();
    req.session.pendingLogins = { ...keepRecent(req.session.pendingLogins, now), [state]: { codeVerifier, nonce, returnTo, createdAt: now } };
    if (!req.session.user) {
      // Pre-login session: 15 minutes.
      req.session.createdAt = now;
      req.session.lastSeenAt = now;
      req.session.cookie.maxAge = PRE_LOGIN_LIFETIME_MS;
    }
    await saveSession(req);
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: config.oidc.redirectUri,
      scope: config.oidc.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      resource: config.coreApi.audience,
    });
    res.set('Cache-Control', 'no-store').redirect(302, url.href);
  });

  router.get('/auth/callback', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const state = typeof req.query.state === 'string' ? req.query.state : '';
    // Taken out of the stored row atomically: a replayed or concurrent callback finds nothing.
    const pending = req.session.pendingLogins?.[state] && state ? await sessions.takePendingLogin(req.sessionID, state) : undefined;
    if (req.session.pendingLogins) delete req.session.pendingLogins[state];
    if (!pending || clock() - pending.createdAt >= PENDING_LOGIN_MS) throw new BffError('login_expired');
    let response: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      response = await oidc.authorizationCodeGrant(await client.get(), new URL(req.originalUrl, config.publicOrigin), {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw loginFailure(error);
    }
    const claims = response.claims();
    if (!claims) throw new BffError('login_failed', 'Sign-in failed: no ID token');
    await regenerateSession(req); // new id, previous row deleted: a cookie planted before sign-in is worthless
    const now = clock();
    Object.assign(req.session, {
      user: userFromClaims(claims),
      tokens: tokensFromResponse(response, now),
      createdAt: now,
      lastSeenAt: now,
      userAgent: req.get('user-agent')?.slice(0, 256) ?? null,
      ip: req.ip?.slice(0, 64) ?? null,
      ...(typeof claims.sid === 'string' ? { idpSid: claims.sid } : {}),
    });
    // Saved before redirecting so the next request finds it (express-session saves the regenerated
    // session once more at the end of the response, with the same content).
    await saveSession(req);
    res.redirect(303, pending.returnTo);
  });

  return router;
}
