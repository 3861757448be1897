import type { SubmoduleKey } from '@co2/contracts';
import { and, eq, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { factors } from '../db/schema/index.js';
import { findEmissionType } from '../domain/modules/emission-types/index.js';
import type { FactorDraft } from '../domain/demo/seed-data.js';
import type { Factor, Scalar } from '../domain/modules/types.js';

type FactorRow = typeof factors.$inferSelect;

function toFactor(row: FactorRow): Factor {
  return {
    id: row.id,
    year: row.year,
    submodule: row.submodule as SubmoduleKey,
    emissionType: (row.emissionType && findEmissionType(row.emissionType)?.key) || null,
    classification: row.classification as Record<string, Scalar>,
    values: row.values as Record<string, Scalar>,
    unit: row.unit,
    source: row.source,
  };
}

export function createFactorRepository(db: Database) {
  return {
    /** The factors of one submodule and year (the engine chooses among them). */
    async forYear(year: number, submodule: SubmoduleKey): Promise<Factor[]> {
      const rows = await db.select().from(factors).where(and(eq(factors.year, year), eq(factors.submodule, submodule)));
      return rows.map(toFactor);
    },

    /** Creates or updates factors by identity; rows whose values, unit and source are unchanged are not written. */
    async upsertMany(drafts: readonly FactorDraft[]): Promise<void> {
      for (let i = 0; i < drafts.length; i += 500) {
        await db
          .insert(factors)
          .values(drafts.slice(i, i + 500).map((d) => ({ ...d })))
          .onConflictDoUpdate({
            target: [factors.submodule, factors.year, factors.emissionType, factors.classification],
            set: { values: sql`excluded.values`, unit: sql`excluded.unit`, source: sql`excluded.source`, updatedAt: sql`now()` },
            setWhere: or(
              sql`${factors.values} IS DISTINCT FROM excluded.values`,
              sql`${factors.unit} IS DISTINCT FROM excluded.unit`,
              sql`${factors.source} IS DISTINCT FROM excluded.source`,
            ),
          });
      }
    },
  };
}

export type FactorRepository = ReturnType<typeof createFactorRepository>;
