// All SQL of the remote registry (schema bff: remote, remote_version, publish_token, remote_audit).
import type pg from 'pg';
import type { Query } from '../db/bounded-query.js';

export interface RemoteRow {
  name: string;
  active_version: string | null;
  previous_version: string | null;
  canary_version: string | null;
  canary_percent: number;
  updated_at: Date;
  updated_by: string | null;
}

export interface VersionRow {
  remote: string;
  version: string;
  entry: string;
  source: 'seed' | 'published';
  checksum: string | null;
  sdk_version: string | null;
  contracts_version: string | null;
  published_at: Date;
  published_by: string | null;
  health: 'unknown' | 'ok' | 'failing';
  health_message: string | null;
  health_checked_at: Date | null;
}

export interface TokenRow {
  id: string;
  remote: string;
  label: string;
  created_at: Date;
  created_by: string;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface AuditRow {
  remote: string;
  at: Date;
  actor: string;
  action: string;
  version: string | null;
}

/** What serving the registry needs: each remote with the entries of its active and canary versions. */
export interface ServedRemoteRow {
  name: string;
  active_version: string | null;
  active_entry: string | null;
  canary_version: string | null;
  canary_entry: string | null;
  canary_percent: number;
}

type Db = Pick<pg.Pool | pg.PoolClient, 'query'>;

export async function inTransaction<T>(pool: pg.Pool, work: (db: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export const registryRepository = {
  /** Takes a bounded query (db/bounded-query.ts): serving the registry must not hang on a dead database. */
  async served(query: Query): Promise<ServedRemoteRow[]> {
    const { rows } = await query<ServedRemoteRow>(
      `SELECT r.name, r.active_version, a.entry AS active_entry, r.canary_version, c.entry AS canary_entry, r.canary_percent
         FROM bff.remote r
         LEFT JOIN bff.remote_version a ON a.remote = r.name AND a.version = r.active_version
         LEFT JOIN bff.remote_version c ON c.remote = r.name AND c.version = r.canary_version
        ORDER BY r.name`,
    );
    return rows;
  },

  /** Seeds a remote and its version unless the remote is known already (a fresh database only). */
  async seed(db: Db, name: string, version: string, entry: string): Promise<boolean> {
    const inserted = await db.query(`INSERT INTO bff.remote (name, active_version, updated_by) VALUES ($1, $2, 'seed') ON CONFLICT (name) DO NOTHING`, [name, version]);
    if (inserted.rowCount === 0) return false;
    await db.query(`INSERT INTO bff.remote_version (remote, version, entry, source, published_by) VALUES ($1, $2, $3, 'seed', 'seed') ON CONFLICT DO NOTHING`, [name, version, entry]);
    return true;
  },

  async remotes(db: Db): Promise<RemoteRow[]> {
    return (await db.query<RemoteRow>('SELECT * FROM bff.remote ORDER BY name')).rows;
  },

  async remote(db: Db, name: string, options: { forUpdate?: boolean } = {}): Promise<RemoteRow | null> {
    const { rows } = await db.query<RemoteRow>(`SELECT * FROM bff.remote WHERE name = $1${options.forUpdate ? ' FOR UPDATE' : ''}`, [name]);
    return rows[0] ?? null;
  },

  async versions(db: Db): Promise<VersionRow[]> {
    return (await db.query<VersionRow>('SELECT * FROM bff.remote_version ORDER BY remote, published_at DESC, version DESC')).rows;
  },

  async version(db: Db, name: string, version: string): Promise<VersionRow | null> {
    const { rows } = await db.query<VersionRow>('SELECT * FROM bff.remote_version WHERE remote = $1 AND version = $2', [name, version]);
    return rows[0] ?? null;
  },

  async addVersion(db: Db, row: Pick<VersionRow, 'remote' | 'version' | 'entry' | 'checksum' | 'sdk_version' | 'contracts_version' | 'published_by' | 'health'>): Promise<void> {
    await db.query(
      `INSERT INTO bff.remote_version (remote, version, entry, source, checksum, sdk_version, contracts_version, published_by, health, health_checked_at)
       VALUES ($1, $2, $3, 'published', $4, $5, $6, $7, $8, now())`,
      [row.remote, row.version, row.entry, row.checksum, row.sdk_version, row.contracts_version, row.published_by, row.health],
    );
  },

  async setHealth(db: Db, name: string, version: string, health: VersionRow['health'], message: string | null): Promise<boolean> {
    const { rowCount } = await db.query('UPDATE bff.remote_version SET health = $3, health_message = $4, health_checked_at = now() WHERE remote = $1 AND version = $2', [
      name,
      version,
      health,
      message,
    ]);
    return (rowCount ?? 0) > 0;
  },

  async setVersions(db: Db, name: string, change: Pick<RemoteRow, 'active_version' | 'previous_version' | 'canary_version' | 'canary_percent'>, actor: string): Promise<void> {
    await db.query(
      `UPDATE bff.remote SET active_version = $2, previous_version = $3, canary_version = $4, canary_percent = $5, updated_at = now(), updated_by = $6 WHERE name = $1`,
      [name, change.active_version, change.previous_version, change.canary_version, change.canary_percent, actor],
    );
  },

  async audit(db: Db, entry: { actor: string; action: string; remote: string; version: string | null; details?: unknown }): Promise<void> {
    await db.query('INSERT INTO bff.remote_audit (actor, action, remote, version, details) VALUES ($1, $2, $3, $4, $5)', [
      entry.actor,
      entry.action,
      entry.remote,
      entry.version,
      entry.details === undefined ? null : JSON.stringify(entry.details),
    ]);
  },

  async recentAudit(db: Db, perRemote: number): Promise<AuditRow[]> {
    const { rows } = await db.query<AuditRow>(
      `SELECT remote, at, actor, action, version FROM (
         SELECT *, row_number() OVER (PARTITION BY remote ORDER BY at DESC, id DESC) AS n FROM bff.remote_audit) a
        WHERE n <= $1 ORDER BY remote, at DESC, id DESC`,
      [perRemote],
    );
    return rows;
  },

  async tokens(db: Db): Promise<TokenRow[]> {
    return (await db.query<TokenRow>('SELECT id, remote, label, created_at, created_by, last_used_at, revoked_at FROM bff.publish_token ORDER BY remote, created_at DESC')).rows;
  },

  async addToken(db: Db, row: { remote: string; label: string; tokenHash: string; createdBy: string }): Promise<TokenRow> {
    const { rows } = await db.query<TokenRow>(
      `INSERT INTO bff.publish_token (remote, label, token_hash, created_by) VALUES ($1, $2, $3, $4)
       RETURNING id, remote, label, created_at, created_by, last_used_at, revoked_at`,
      [row.remote, row.label, row.tokenHash, row.createdBy],
    );
    return rows[0]!;
  },

  async revokeToken(db: Db, remote: string, id: string): Promise<TokenRow | null> {
    const { rows } = await db.query<TokenRow>(
      `UPDATE bff.publish_token SET revoked_at = COALESCE(revoked_at, now()) WHERE remote = $1 AND id::text = $2
       RETURNING id, remote, label, created_at, created_by, last_used_at, revoked_at`,
      [remote, id],
    );
    return rows[0] ?? null;
  },

  /** The live token with this hash (marking it used), or null. */
  async useToken(db: Db, tokenHash: string): Promise<TokenRow | null> {
    const { rows } = await db.query<TokenRow>(
      `UPDATE bff.publish_token SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL
       RETURNING id, remote, label, created_at, created_by, last_used_at, revoked_at`,
      [tokenHash],
    );
    return rows[0] ?? null;
  },
};
