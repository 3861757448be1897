// connect-pg-simple's PGStore over bff.session, with three changes: every query is time-bounded
// (db/bounded-query.ts → 503 session_store_unavailable), `set` also writes the indexed columns (sub,
// provider sid, created/last seen, user agent, IP) and an `expire` = min(idle, absolute) deadline, and
// `get` returns rows past their deadline so that the lifetime guard can answer 401 session_expired.
// Reads go through a short-lived in-process cache (session/read-cache.ts) that every write here forgets.
// The tokens are kept out of the session's enumerable (hashed) properties (auth/session-data.ts
// keepTokensAside) and parsed once per cached row; they are written with the rest of the row.
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type pg from 'pg';
import type { Query } from '../db/bounded-query.js';
import { keepTokensAside, type SessionTokens, type StoredSession } from '../auth/session-data.js';
import { expiresAt, type Lifetimes } from './lifetimes.js';
import type { SessionReadCache } from './read-cache.js';

/** The store, plus `forget`: the next `get` of that session reads Postgres. */
export type BffStore = session.Store & { forget(sid: string): void };

/** A cached row: the session's JSON without the tokens (parsed afresh per request) and the tokens (frozen, shared). */
export interface CachedSession {
  text: string;
  tokens: Readonly<SessionTokens> | undefined;
}

function cachedSession(text: string): CachedSession {
  const { tokens, ...rest } = JSON.parse(text) as StoredSession;
  return { text: JSON.stringify(rest), tokens: tokens && Object.freeze(tokens) };
}

/** A fresh object per call (express-session mutates it), with the tokens as stored (non-enumerable: not hashed, not copied). */
function storedSession(row: CachedSession): StoredSession {
  const sess = JSON.parse(row.text) as StoredSession;
  if (row.tokens) keepTokensAside(sess, row.tokens);
  return sess;
}

export function createPgStore(query: Query, lifetimes: Lifetimes, cache: SessionReadCache<CachedSession>, errorLog: (...args: unknown[]) => void): BffStore {
  const PgStore = connectPgSimple(session);
  // connect-pg-simple only calls `pool.query(text, params)`.
  const pool = { query } as unknown as pg.Pool;

  class BffPgStore extends PgStore {
    forget(sid: string): void {
      cache.forget(sid);
    }

    /** A fresh object per call (express-session mutates it); `tokens` included, as stored. */
    override get(sid: string, fn: (err: unknown, session?: session.SessionData | null) => void): void {
      const cached = cache.get(sid);
      if (cached !== undefined) return void process.nextTick(fn, null, storedSession(cached));
      const token = cache.begin();
      query<{ sess: string }>('SELECT sess::text AS sess FROM bff.session WHERE sid = $1', [sid]).then((r) => {
        const text = r.rows[0]?.sess;
        if (text === undefined) return fn(null, null);
        const row = cachedSession(text);
        cache.put(sid, row, token);
        return fn(null, storedSession(row) as session.SessionData);
      }, fn);
    }

    /** The request's session, with the tokens set aside (not hashed by express-session on every request). */
    override createSession(req: Parameters<session.Store['createSession']>[0], sess: session.SessionData): session.Session & session.SessionData {
      const loaded = super.createSession(req, sess); // copies the enumerable properties only
      if ((sess as StoredSession).tokens) keepTokensAside(loaded, (sess as StoredSession).tokens);
      return loaded;
    }

    override destroy(sid: string, fn?: (err?: unknown) => void): void {
      cache.forget(sid);
      super.destroy(sid, (err?: unknown) => {
        cache.forget(sid);
        fn?.(err);
      });
    }

    override set(sid: string, sess: StoredSession, fn?: (err?: unknown) => void): void {
      cache.forget(sid);
      const times = { createdAt: sess.createdAt ?? Date.now(), lastSeenAt: sess.lastSeenAt ?? Date.now(), signedIn: Boolean(sess.user) };
      query(
        `INSERT INTO bff.session (sid, sess, expire, created_at, last_seen_at, sub, idp_sid, user_agent, ip)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (sid) DO UPDATE SET sess = $2, expire = $3, last_seen_at = $5, sub = $6, idp_sid = $7`,
        [
          sid,
          // Spread: the tokens are a non-enumerable property of a loaded session (keepTokensAside).
          JSON.stringify(sess.tokens === undefined ? sess : { ...sess, tokens: sess.tokens }),
          new Date(expiresAt(times, lifetimes)),
          new Date(times.createdAt),
          new Date(times.lastSeenAt),
          sess.user?.sub ?? null,
          sess.idpSid ?? null,
          sess.userAgent ?? null,
          sess.ip ?? null,
        ],
      ).then(
        () => {
          cache.forget(sid);
          fn?.();
        },
        (err: unknown) => {
          cache.forget(sid);
          fn?.(err);
        },
      );
    }
  }

  return new BffPgStore({ pool, schemaName: 'bff', tableName: 'session', disableTouch: true, errorLog });
}
