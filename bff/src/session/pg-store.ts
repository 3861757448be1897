// connect-pg-simple's PGStore over bff.session, with three changes: every query is time-bounded
// (db/bounded-query.ts → 503 session_store_unavailable), `set` also writes the indexed columns (sub,
// provider sid, created/last seen, user agent, IP) and an `expire` = min(idle, absolute) deadline, and
// `get` returns rows past their deadline so that the lifetime guard can answer 401 session_expired.
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type pg from 'pg';
import type { Query } from '../db/bounded-query.js';
import type { StoredSession } from '../auth/session-data.js';
import { expiresAt, type Lifetimes } from './lifetimes.js';


export function createPgStore(query: Query, lifetimes: Lifetimes, errorLog: (...args: unknown[]) => void): session.Store {
  const PgStore = connectPgSimple(session);
  // connect-pg-simple only calls `pool.query(text, params)`.
  const pool = { query } as unknown as pg.Pool;

  class BffPgStore extends PgStore {
    override get(sid: string, fn: (err: unknown, session?: session.SessionData | null) => void): void {
      query<{ sess: session.SessionData }>('SELECT sess FROM bff.session WHERE sid = $1', [sid]).then((r) => fn(null, r.rows[0]?.sess ?? null), fn);
    }

    override set(sid: string, sess: StoredSession, fn?: (err?: unknown) => void): void {
      const times = { createdAt: sess.createdAt ?? Date.now(), lastSeenAt: sess.lastSeenAt ?? Date.now(), signedIn: Boolean(sess.user) };
      query(
        `INSERT INTO bff.session (sid, sess, expire, created_at, last_seen_at, sub, idp_sid, user_agent, ip)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (sid) DO UPDATE SET sess = $2, expire = $3, last_seen_at = $5, sub = $6, idp_sid = $7`,
        [
          sid,
          JSON.stringify(sess),
          new Date(expiresAt(times, lifetimes)),
          new Date(times.createdAt),
          new Date(times.lastSeenAt),
          sess.user?.sub ?? null,
          sess.idpSid ?? null,
          sess.userAgent ?? null,
          sess.ip ?? null,
        ],
      ).then(() => fn?.(), (err: unknown) => fn?.(err));
    }
  }

  return new BffPgStore({ pool, schemaName: 'bff', tableName: 'session', disableTouch: true, errorLog });
}
