import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';

/** Arbitrary constant shared by every core-api replica: "core-api migrations". */
const MIGRATION_LOCK_KEY = 4_202_607_001;

/**
 * Finds the drizzle migrations: `dist/drizzle` next to the bundle (`node dist/main.js`) or `core-api/drizzle`
 * when running the sources (`tsx src/main.ts`, tests).
 */
export function defaultMigrationsFolder(): string {
  const candidates = ['./drizzle/', '../drizzle/', '../../drizzle/'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  const found = candidates.find((dir) => existsSync(`${dir}/meta/_journal.json`));
  if (!found) throw new Error(`drizzle migrations not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * Applies pending migrations under a session-level advisory lock, so replicas starting together run them one
 * after the other (the later ones find nothing to do). The lock dies with the connection if the process does.
 */
export async function runMigrations(pool: pg.Pool, migrationsFolder = defaultMigrationsFolder()): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle(client), { migrationsFolder, migrationsSchema: 'drizzle', migrationsTable: '__drizzle_migrations' });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
    client.release();
  } catch (err) {
    client.release(err instanceof Error ? err : true); // discard the connection: it may still hold the lock
    throw err;
  }
}
