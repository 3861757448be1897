// What the BFF keeps in a session (express-session + connect-pg-simple, table bff.session).
import type { Request } from 'express';

export interface PendingLogin {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  createdAt: number;
}

export interface SessionUser {
  sub: string;
  name: string | null;
  email: string | null;
  roles: string[];
}

export interface SessionTokens {
  accessToken: string;
  refreshToken: string | null;
  idToken: string | null;
  /** Epoch seconds. */
  expiresAt: number;
}

declare module 'express-session' {
  interface SessionData {
    /** Sign-ins in progress, by OAuth `state` (several tabs may sign in at once). */
    pendingLogins: Record<string, PendingLogin>;
    user: SessionUser;
    tokens: SessionTokens;
    /** The provider's session id (`sid` claim of the ID token), for back-channel logout. */
    idpSid: string;
    /** Epoch ms (session clock): start of the session (absolute lifetime) and last activity (idle timeout, written ≤ once a minute). */
    createdAt: number;
    lastSeenAt: number;
    userAgent: string | null;
    ip: string | null;
  }
}

/** The fields express-session keeps besides ours. */
export type StoredSession = Partial<import('express-session').SessionData>;

const promisify = (fn: (cb: (err?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));

export const saveSession = (req: Request) => promisify((cb) => req.session.save(cb));
export const regenerateSession = (req: Request) => promisify((cb) => req.session.regenerate(cb));
export const destroySession = (req: Request) => promisify((cb) => req.session.destroy(cb));
