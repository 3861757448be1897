import { createTestDatabase, type TestDatabase } from '@co2/deploy/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';

describe('migrations on PostgreSQL', () => {
  let testDb: TestDatabase | undefined;
  const handles: DatabaseHandle[] = [];
  const open = (url: string) => {
    const h = createDatabase(url, { onPoolError: () => {}, max: 2 });
    handles.push(h);
    return h;
  };

  afterEach(async () => {
    await Promise.all(handles.splice(0).map((h) => h.close()));
    await testDb?.drop();
  });

  const appliedCount = async (h: DatabaseHandle) =>
    Number((await h.pool.query<{ n: string }>('SELECT count(*) AS n FROM drizzle.__drizzle_migrations')).rows[0]?.n);

  it('when applied twice, then the second run is a no-op and the tables exist', async () => {
    testDb = await createTestDatabase('core_api_migrate');
    const h = open(testDb.url);
    await runMigrations(h.pool);
    const first = await appliedCount(h);
    await runMigrations(h.pool);
    expect(await appliedCount(h)).toBe(first);
    expect(first).toBeGreaterThan(0);
    const tables = await h.pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      'airports', 'audit_log', 'building_rooms', 'carbon_reports', 'data_ingestion_jobs', 'entries', 'entry_emissions', 'factors', 'fx_rates', 'job_workers',
      'price_indices', 'report_modules', 'train_stations', 'units', 'upload_chunks', 'upload_files', 'users', 'year_configurations',
    ]);
  });

  it('when two replicas start at once, then both succeed and the migrations are applied once', async () => {
    testDb = await createTestDatabase('core_api_migrate_concurrent');
    const a = open(testDb.url);
    const b = open(testDb.url);
    const results = await Promise.allSettled([runMigrations(a.pool), runMigrations(b.pool), runMigrations(a.pool)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const journal = await import('../../drizzle/meta/_journal.json', { with: { type: 'json' } });
    expect(await appliedCount(a)).toBe(journal.default.entries.length);
  });
});
