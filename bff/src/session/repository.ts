// Queries on bff.session beyond express-session's own (by subject, by provider sid, pending sign-ins) and on
// bff.logout_token. Every query is time-bounded (db/bounded-query.ts). Sessions are named to the browser by
// `publicId` = SHA-256 of the session id, never by the id itself. Every change forgets the changed sessions in
// this instance's read cache (session/read-cache.ts).
import type { PendingLogin, StoredSession } from '../auth/session-data.js';
import type { Query } from '../db/bounded-query.js';
import type { SessionReadCache } from './read-cache.js';

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expire: Date;
  userAgent: string | null;
  ip: string | null;
}

/** A WHERE clause and its parameters, for `remove`. */
export type Condition = readonly [string, readonly unknown[]];

const PUBLIC_ID = `encode(sha256(sid::bytea), 'hex')`;

export const bySid = (sid: string): Condition => ['sid = $1', [sid]];
export const bySub = (sub: string): Condition => ['sub = $1', [sub]];
export const bySubAndPublicId = (sub: string, id: string): Condition => [`sub = $1 AND ${PUBLIC_ID} = $2`, [sub, id]];
export const bySubExcept = (sub: string, sid: string): Condition => ['sub = $1 AND sid <> $2', [sub, sid]];
export const byIdpSid = (idpSid: string, sub?: string): Condition => (sub ? ['idp_sid = $1 AND sub = $2', [idpSid, sub]] : ['idp_sid = $1', [idpSid]]);

export function sessionRepository(query: Query, cache: SessionReadCache<unknown>) {
  return {
    /** Atomically removes one pending sign-in and returns it: a login transaction is used at most once. */
    async takePendingLogin(sid: string, state: string): Promise<PendingLogin | undefined> {
      const { rows } = await query<{ pending: PendingLogin }>(
        `WITH old AS (SELECT sess::jsonb -> 'pendingLogins' -> $2::text AS pending FROM bff.session WHERE sid = $1 FOR UPDATE)
         UPDATE bff.session s SET sess = (s.sess::jsonb #- ARRAY['pendingLogins', $2::text])::json
         FROM old WHERE s.sid = $1 AND old.pending IS NOT NULL
         RETURNING old.pending`,
        [sid, state],
      ).finally(() => cache.forget(sid));
      return rows[0]?.pending ?? undefined;
    },

    /** Deletes sessions; returns their data (to revoke their refresh tokens). */
    async remove([where, values]: Condition): Promise<StoredSession[]> {
      const { rows } = await query<{ sid: string; sess: StoredSession }>(`DELETE FROM bff.session WHERE ${where} RETURNING sid, sess`, [...values]).catch(
        (error: unknown) => {
          cache.clear(); // the delete may have happened after all (e.g. it timed out)
          throw error;
        },
      );
      for (const r of rows) cache.forget(r.sid);
      return rows.map((r) => r.sess);
    },

    async listBySub(sub: string, now: number): Promise<(SessionSummary & { sid: string })[]> {
      const { rows } = await query<{ sid: string; id: string; created_at: Date; last_seen_at: Date; expire: Date; user_agent: string | null; ip: string | null }>(
        `SELECT sid, ${PUBLIC_ID} AS id, created_at, last_seen_at, expire, user_agent, ip FROM bff.session
         WHERE sub = $1 AND expire > $2 ORDER BY last_seen_at DESC`,
        [sub, new Date(now)],
      );
      return rows.map((r) => ({ sid: r.sid, id: r.id, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expire: r.expire, userAgent: r.user_agent, ip: r.ip }));
    },

    /** Records the jti of a logout token; false when it was seen before (replay). Forgets expired ones. */
    async rememberLogoutToken(jti: string, expire: number, now: number): Promise<boolean> {
      await query('DELETE FROM bff.logout_token WHERE expire < $1', [new Date(now)]);
      const res = await query('INSERT INTO bff.logout_token (jti, expire) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING', [jti, new Date(expire)]);
      return res.rowCount === 1;
    },
  };
}

export type SessionRepository = ReturnType<typeof sessionRepository>;
