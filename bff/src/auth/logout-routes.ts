// POST /auth/logout (RP-initiated logout) and POST /auth/backchannel-logout (OpenID Back-Channel Logout 1.0).
import type { LogoutResult } from '@co2/contracts';
import express, { Router } from 'express';
import * as oidc from 'openid-client';
import type { BffConfig } from '../config.js';
import { BffError } from '../errors.js';
import type { Clock } from '../session/clock.js';
import { byIdpSid, bySub, type SessionRepository } from '../session/repository.js';
import { logoutTokenVerifier } from './logout-token.js';
import type { OidcClient } from './oidc-client.js';
import { revokeRefreshTokens } from './revocation.js';
import { destroySession } from './session-data.js';

export interface LogoutDeps {
  oidc: OidcClient;
  sessions: SessionRepository;
  clock: Clock;
}

export function logoutRoutes(config: BffConfig, { oidc: client, sessions, clock }: LogoutDeps): Router {
  const router = Router();
  const verify = logoutTokenVerifier(config.oidc, client, clock);

  router.post('/auth/logout', async (req, res) => {
    const ended = req.session?.user ? { tokens: req.session.tokens } : undefined;
    if (req.session) await destroySession(req);
    const { cookieName, secure } = config.session;
    res.clearCookie(cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure });
    await revokeRefreshTokens(client, [ended], req.log);
    let endSessionUrl = config.oidc.postLogoutRedirectUri;
    try {
      const idToken = ended?.tokens?.idToken;
      endSessionUrl = oidc.buildEndSessionUrl(await client.get(), {
        post_logout_redirect_uri: config.oidc.postLogoutRedirectUri,
        ...(idToken ? { id_token_hint: idToken } : {}),
      }).href;
    } catch (err) {
      req.log?.warn({ err }, 'no end-session URL; signed out locally only');
    }
    res.set('Cache-Control', 'no-store');
    if (req.accepts(['json', 'html']) === 'html') return res.redirect(303, endSessionUrl);
    return res.json({ endSessionUrl } satisfies LogoutResult);
  });

  router.post('/auth/backchannel-logout', express.urlencoded({ extended: false, limit: '16kb' }), async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const claims = await verify((req.body as Record<string, unknown> | undefined)?.logout_token);
    if (!(await sessions.rememberLogoutToken(claims.jti, claims.rememberUntil, clock()))) {
      throw new BffError('invalid_logout_token', 'Invalid logout_token: replayed (jti already used)');
    }
    const ended = await sessions.remove(claims.sid ? byIdpSid(claims.sid, claims.sub) : bySub(claims.sub!));
    req.log?.info({ sid: claims.sid, sub: claims.sub, ended: ended.length }, 'back-channel logout');
    res.status(200).end();
  });

  return router;
}
