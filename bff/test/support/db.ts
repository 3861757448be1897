// Direct reads of bff.session for assertions.
import type pg from 'pg';

export interface SessionRow {
  sid: string;
  xmin: string;
  sub: string | null;
  idp_sid: string | null;
  created_at: Date;
  last_seen_at: Date;
  expire: Date;
  user_agent: string | null;
  ip: string | null;
}

/** Rows of a user's sessions; `xmin` changes with every write of a row. */
export async function sessionRows(pool: pg.Pool, sub: string): Promise<SessionRow[]> {
  const { rows } = await pool.query<SessionRow>(
    'SELECT sid, xmin::text AS xmin, sub, idp_sid, created_at, last_seen_at, expire, user_agent, ip FROM bff.session WHERE sub = $1 ORDER BY created_at',
    [sub],
  );
  return rows;
}

/** The session id inside a signed express-session cookie value (`s:<id>.<signature>`). */
export function sessionIdOf(cookieValue: string): string {
  const decoded = decodeURIComponent(cookieValue);
  return decoded.slice(2, decoded.lastIndexOf('.'));
}
