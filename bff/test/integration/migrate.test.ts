import { createTestDatabase, type TestDatabase } from '@co2/deploy/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/db/migrate.js';

let db: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  db = await createTestDatabase('bff_migrate');
  pool = new pg.Pool({ connectionString: db.url, max: 4 });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe('BFF migrations', () => {
  it('when several instances start at once, then the session, logout-token and remote registry tables are created once in schema bff', async () => {
    await Promise.all([runMigrations(pool), runMigrations(pool), runMigrations(pool)]);
    const tables = await pool.query<{ table_schema: string; table_name: string }>(
      `SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema = 'bff' ORDER BY table_name`,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(['__migrations', 'logout_token', 'publish_token', 'remote', 'remote_audit', 'remote_version', 'session']);
    const applied = await pool.query('SELECT hash FROM bff.__migrations');
    expect(applied.rowCount).toBe(3);
  });

  it('when migrations run again, then nothing changes', async () => {
    await runMigrations(pool);
    const applied = await pool.query('SELECT hash FROM bff.__migrations');
    expect(applied.rowCount).toBe(3);
    const index = await pool.query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'bff' AND tablename = 'session'`);
    expect(index.rows.map((r) => r.indexname).sort()).toEqual(['session_expire_idx', 'session_idp_sid_idx', 'session_pkey', 'session_sub_idx']);
  });
});
