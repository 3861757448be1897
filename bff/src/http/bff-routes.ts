// /bff/*: who am I, my sessions (list, end one, end the others), and the admin's "end every session of a user".
import { createHash } from 'node:crypto';
import { BffSessionList, BffUser } from '@co2/contracts';
import { Router } from 'express';
import type { OidcClient } from '../auth/oidc-client.js';
import { revokeRefreshTokens } from '../auth/revocation.js';
import { destroySession } from '../auth/session-data.js';
import { requireSignedIn } from '../auth/signed-in.js';
import type { TokenRefresher } from '../auth/tokens.js';
import { BffError } from '../errors.js';
import type { BffConfig } from '../config.js';
import type { Clock } from '../session/clock.js';
import { expiresAt } from '../session/lifetimes.js';
import { bySub, bySubAndPublicId, bySubExcept, type SessionRepository } from '../session/repository.js';

export const ADMIN_ROLE = 'backoffice.admin@global';

/** `GET /bff/sessions`: the shape lives in @co2/contracts (the shell's Sessions page parses it too). */
export { BffSessionList };

const SESSION_ID = /^[0-9a-f]{64}$/;
/** Same as the repository's `encode(sha256(sid::bytea), 'hex')`. */
const publicId = (sid: string) => createHash('sha256').update(sid).digest('hex');
const SUB = /^[\x21-\x7e]{1,255}$/;

export interface BffRouteDeps {
  oidc: OidcClient;
  refresher: TokenRefresher;
  sessions: SessionRepository;
  clock: Clock;
}

export function bffRoutes(config: BffConfig, { oidc, refresher, sessions, clock }: BffRouteDeps): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.get('/bff/user', async (req, res) => {
    const { user } = await requireSignedIn(req, res, refresher);
    const { createdAt = clock(), lastSeenAt = clock() } = req.session;
    const sessionExpiresAt = new Date(expiresAt({ createdAt, lastSeenAt, signedIn: true }, config.session)).toISOString();
    res.json(BffUser.parse({ ...user, sessionExpiresAt }));
  });

  router.get('/bff/sessions', async (req, res) => {
    const { user } = await requireSignedIn(req, res, refresher);
    const rows = await sessions.listBySub(user.sub, clock());
    const body: BffSessionList = {
      sessions: rows.map((r) => ({
        id: r.id,
        current: r.sid === req.sessionID,
        createdAt: r.createdAt.toISOString(),
        lastSeenAt: r.lastSeenAt.toISOString(),
        expiresAt: r.expire.toISOString(),
        userAgent: r.userAgent,
        ip: r.ip,
      })),
    };
    res.json(body);
  });

  router.delete('/bff/sessions/:id', async (req, res) => {
    const { user } = await requireSignedIn(req, res, refresher);
    const id = String(req.params.id);
    if (!SESSION_ID.test(id)) throw new BffError('session_not_found', `No session ${id.slice(0, 80)} (id: 64 hex characters)`);
    const ended = await sessions.remove(bySubAndPublicId(user.sub, id));
    if (ended.length === 0) throw new BffError('session_not_found');
    if (id === publicId(req.sessionID)) await destroySession(req); // this browser's own: nothing saved after
    await revokeRefreshTokens(oidc, ended, req.log);
    res.status(204).end();
  });

  router.post('/bff/sessions/revoke-others', async (req, res) => {
    const { user } = await requireSignedIn(req, res, refresher);
    const ended = await sessions.remove(bySubExcept(user.sub, req.sessionID));
    await revokeRefreshTokens(oidc, ended, req.log);
    res.json({ ended: ended.length });
  });

  router.delete('/bff/users/:sub/sessions', async (req, res) => {
    const { user } = await requireSignedIn(req, res, refresher);
    if (!user.roles.includes(ADMIN_ROLE)) throw new BffError('forbidden', `Ending another user's sessions needs the role ${ADMIN_ROLE}`);
    const sub = String(req.params.sub);
    if (!SUB.test(sub)) throw new BffError('bad_request', 'sub: 1 to 255 printable ASCII characters');
    const ended = await sessions.remove(bySub(sub));
    await revokeRefreshTokens(oidc, ended, req.log);
    req.log?.info({ admin: user.sub, sub, ended: ended.length }, 'admin ended all sessions of a user');
    res.json({ ended: ended.length });
  });

  return router;
}
