import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';

export function createHealthRepository(db: Database) {
  return {
    /** Resolves when `SELECT 1` answers within `timeoutMs`, rejects otherwise. */
    async ping(timeoutMs: number): Promise<void> {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([db.execute(sql`SELECT 1`), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export type HealthRepository = ReturnType<typeof createHealthRepository>;
