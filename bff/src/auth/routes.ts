// /auth/login, /auth/callback, /auth/logout and /bff/user.
import { BffUser } from '@co2/contracts';
import { Router, type Request, type Response } from 'express';
import * as oidc from 'openid-client';
import type { BffConfig } from '../config.js';
import { BffError, sendError } from '../errors.js';
import type { OidcClient } from './oidc-client.js';
import { safeReturnTo } from './return-to.js';
import { destroySession, regenerateSession, saveSession, type PendingLogin } from './session-data.js';
import { tokensFromResponse, userFromClaims, type TokenRefresher } from './tokens.js';

const PENDING_LOGIN_MS = 15 * 60 * 1000;
const MAX_PENDING_LOGINS = 5;

export interface AuthDeps {
  oidc: OidcClient;
  refresher: TokenRefresher;
}

function keepRecent(pending: Record<string, PendingLogin> = {}): Record<string, PendingLogin> {
  const fresh = Object.entries(pending)
    .filter(([, p]) => Date.now() - p.createdAt < PENDING_LOGIN_MS)
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

export function authRoutes(config: BffConfig, { oidc: client, refresher }: AuthDeps): Router {
  const router = Router();

  router.get('/auth/login', async (req, res) => {
    const configuration = await client.get();
    const returnTo = safeReturnTo(req.query.returnTo);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    req.session.pendingLogins = { ...keepRecent(req.session.pendingLogins), [state]: { codeVerifier, nonce, returnTo, createdAt: Date.now() } };
    if (!req.session.user) req.session.cookie.maxAge = PENDING_LOGIN_MS; // pre-login sessions are short-lived
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
    const state = typeof req.query.state === 'string' ? req.query.state : '';
    const pending = req.session.pendingLogins?.[state];
    if (!pending) throw new BffError('login_expired');
    const { [state]: _used, ...others } = req.session.pendingLogins ?? {};
    req.session.pendingLogins = others;
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
    await regenerateSession(req); // new session id: a cookie planted before sign-in is worthless
    req.session.user = userFromClaims(claims);
    req.session.tokens = tokensFromResponse(response);
    // Saved before redirecting so the next request finds it (express-session saves the regenerated
    // session once more at the end of the response, with the same content).
    await saveSession(req);
    res.set('Cache-Control', 'no-store').redirect(303, pending.returnTo);
  });

  router.post('/auth/logout', async (req, res) => {
    const { idToken, refreshToken } = req.session.tokens ?? {};
    await destroySession(req);
    const { cookieName, secure } = config.session;
    res.clearCookie(cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure });
    let endSessionUrl = config.oidc.postLogoutRedirectUri;
    try {
      const configuration = await client.get();
      if (refreshToken) await oidc.tokenRevocation(configuration, refreshToken).catch((err: unknown) => req.log?.warn({ err }, 'revocation failed'));
      endSessionUrl = oidc.buildEndSessionUrl(configuration, {
        post_logout_redirect_uri: config.oidc.postLogoutRedirectUri,
        ...(idToken ? { id_token_hint: idToken } : {}),
      }).href;
    } catch (err) {
      req.log?.warn({ err }, 'no end-session URL; signing out locally only');
    }
    res.set('Cache-Control', 'no-store');
    if (req.accepts(['json', 'html']) === 'html') return res.redirect(303, endSessionUrl);
    return res.json({ endSessionUrl });
  });

  router.get('/bff/user', async (req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store');
    const before = req.session.tokens;
    const tokens = await refresher.freshTokens(req);
    if (tokens && tokens !== before) req.session.touch(); // refreshed: the session is saved, its lifetime restarts
    const user = req.session.user;
    if (!tokens || !user) {
      if (req.session.user) await destroySession(req);
      return sendError(res, 'unauthenticated');
    }
    const expires = req.session.cookie.expires ?? new Date(Date.now() + config.session.maxAgeSeconds * 1000);
    return res.json(BffUser.parse({ ...user, sessionExpiresAt: expires.toISOString() }));
  });

  return router;
}
