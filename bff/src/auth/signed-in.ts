// The guard of every route that needs a signed-in user: a live session with usable tokens, else 401.
import type { Request, Response } from 'express';
import { BffError } from '../errors.js';
import { destroySession, type SessionTokens, type SessionUser } from './session-data.js';
import type { TokenRefresher } from './tokens.js';

export interface SignedIn {
  user: SessionUser;
  tokens: SessionTokens;
}

/** 401 `unauthenticated` without a session, 401 `session_expired` when it timed out or its refresh was refused. */
export async function requireSignedIn(req: Request, res: Response, refresher: TokenRefresher): Promise<SignedIn> {
  if (!req.session?.user) throw new BffError(res.locals.sessionExpired ? 'session_expired' : 'unauthenticated');
  const tokens = await refresher.freshTokens(req);
  if (!tokens || !req.session.user) {
    await destroySession(req);
    throw new BffError('session_expired');
  }
  return { user: req.session.user, tokens };
}
