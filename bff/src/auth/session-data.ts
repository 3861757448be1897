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
    /** Not part of the session's hashed properties once loaded (see `keepTokensAside`); stored in the same row. */
    tokens: SessionTokens;
    /** Moves whenever `tokens` is replaced (`replaceTokens`), so that express-session saves the session. */
    tokensRevision: number;
    /** The provider's session id (`sid` claim of the ID token), for back-channel logout. */
    idpSid: string;
    /** Epoch ms (session clock): start of the session (absolute lifetime) and last activity (idle timeout, written ≤ once a minute). */
    createdAt: number;
    lastSeenAt: number;
    userAgent: string | null;
    ip: string | null;
  }
}

/**
 * Makes `tokens` a non-enumerable property of a session object. express-session detects changes by hashing
 * the session's JSON (SHA-1 of JSON.stringify) up to three times per request; the tokens (three JWTs) were
 * about 85 % of that JSON, and they change only on sign-in and refresh. The store writes them into the same
 * row (session/pg-store.ts). A plain data property (no accessor): no closures per request.
 */
export function keepTokensAside(session: object, tokens: SessionTokens | undefined): void {
  Object.defineProperty(session, 'tokens', { value: tokens, enumerable: false, configurable: true, writable: true });
}

/**
 * Replaces the tokens of a session, and moves the small enumerable `tokensRevision` so that express-session
 * sees a change and saves the session at the end of the request (the tokens themselves are not hashed).
 */
export function replaceTokens(session: Partial<import('express-session').SessionData>, tokens: SessionTokens): void {
  session.tokens = tokens;
  session.tokensRevision = (session.tokensRevision ?? 0) + 1;
}

/** The fields express-session keeps besides ours. */
export type StoredSession = Partial<import('express-session').SessionData>;

const promisify = (fn: (cb: (err?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));

export const saveSession = (req: Request) => promisify((cb) => req.session.save(cb));
export const regenerateSession = (req: Request) => promisify((cb) => req.session.regenerate(cb));
export const destroySession = (req: Request) => promisify((cb) => req.session.destroy(cb));
