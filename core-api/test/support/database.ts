import { createTestDatabase, type TestDatabase } from '@co2/deploy/testing';
import { createDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';

export interface MigratedDatabase extends DatabaseHandle {
  testDb: TestDatabase;
  /** Closes the pool and drops the database. */
  dispose(): Promise<void>;
}

/** A fresh PostgreSQL database with core-api's migrations applied. */
export async function createMigratedDatabase(prefix: string): Promise<MigratedDatabase> {
  const testDb = await createTestDatabase(prefix);
  const handle = createDatabase(testDb.url, { onPoolError: () => {}, max: 4 });
  await runMigrations(handle.pool);
  return {
    ...handle,
    testDb,
    dispose: async () => {
      await handle.close();
      await testDb.drop();
    },
  };
}
