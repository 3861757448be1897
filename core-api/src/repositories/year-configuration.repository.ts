import type { YearConfigurationBody } from '@co2/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { yearConfigurations } from '../db/schema/index.js';
import type { StoredYearConfiguration } from '../domain/years/year-configuration.js';
import { appendAudit } from './audit.repository.js';

const toStored = (r: typeof yearConfigurations.$inferSelect): StoredYearConfiguration => ({
  year: r.year,
  openToUsers: r.openToUsers,
  config: r.config as StoredYearConfiguration['config'],
  updatedAt: r.updatedAt.toISOString(),
});

export function createYearConfigurationRepository(db: Database) {
  return {
    async get(year: number): Promise<StoredYearConfiguration | undefined> {
      const [row] = await db.select().from(yearConfigurations).where(eq(yearConfigurations.year, year));
      return row && toStored(row);
    },

    async list(): Promise<StoredYearConfiguration[]> {
      return (await db.select().from(yearConfigurations).orderBy(asc(yearConfigurations.year))).map(toStored);
    },

    /** Upserts a year's configuration and appends the change to the audit log, in one transaction. */
    async put(year: number, body: YearConfigurationBody, actor: { id: string; subject: string } | null): Promise<StoredYearConfiguration> {
      const { openToUsers, ...config } = body;
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(yearConfigurations).where(eq(yearConfigurations.year, year)).for('update');
        const [row] = await tx
          .insert(yearConfigurations)
          .values({ year, openToUsers, config, updatedBy: actor?.id ?? null })
          .onConflictDoUpdate({ target: yearConfigurations.year, set: { openToUsers, config, updatedBy: actor?.id ?? null, updatedAt: sql`now()` } })
          .returning();
        if (!row) throw new Error('upsert returned nothing');
        await appendAudit(tx, {
          actor,
          action: 'year_configuration.put',
          entityType: 'year_configuration',
          entityId: String(year),
          year,
          before: before ? { openToUsers: before.openToUsers, config: before.config } : null,
          after: { openToUsers, config },
        });
        return toStored(row);
      });
    },
  };
}

export type YearConfigurationRepository = ReturnType<typeof createYearConfigurationRepository>;
