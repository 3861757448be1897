import type { SubmoduleKey } from '@co2/contracts';
import { and, asc, count, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { factors } from '../db/schema/index.js';
import { findEmissionType } from '../domain/modules/emission-types/index.js';
import type { FactorDraft } from '../domain/demo/seed-data.js';
import type { FactorChange, FactorFilter, FactorRecord, FactorWriteOutcome } from '../domain/factors/factor.js';
import { appendAudit } from './audit.repository.js';
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

const toRecord = (row: FactorRow): FactorRecord => ({
  id: row.id,
  year: row.year,
  submodule: row.submodule,
  emissionType: row.emissionType,
  classification: row.classification as FactorRecord['classification'],
  values: row.values as FactorRecord['values'],
  unit: row.unit,
  source: row.source,
  relativeUncertainty: row.relativeUncertainty,
  updatedAt: row.updatedAt.toISOString(),
});

/** PostgreSQL unique violation, raw or wrapped by drizzle (`cause`). */
const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
};
const snapshot = (f: FactorRecord) => ({ year: f.year, submodule: f.submodule, emissionType: f.emissionType, classification: f.classification, values: f.values, unit: f.unit, source: f.source, relativeUncertainty: f.relativeUncertainty });

/** Case-insensitive text search over what an administrator reads in the list (LIKE wildcards in the text are literal). */
const searchFactors = (text: string): SQL => {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`concat_ws(' ', ${factors.emissionType}, ${factors.classification}::text, ${factors.unit}, ${factors.source}) ILIKE ${pattern}`;
};

export function createFactorRepository(db: Database) {
  return {
    async list(f: FactorFilter): Promise<{ items: FactorRecord[]; total: number }> {
      const conditions: SQL[] = [];
      if (f.year !== undefined) conditions.push(eq(factors.year, f.year));
      if (f.submodule) conditions.push(eq(factors.submodule, f.submodule));
      if (f.q) conditions.push(searchFactors(f.q));
      const where = conditions.length ? and(...conditions) : undefined;
      const [rows, [total]] = await Promise.all([
        db.select().from(factors).where(where).orderBy(asc(factors.year), asc(factors.submodule), asc(factors.emissionType), asc(sql`${factors.classification}::text`), asc(factors.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
        db.select({ n: count() }).from(factors).where(where),
      ]);
      return { items: rows.map(toRecord), total: total?.n ?? 0 };
    },

    async get(id: string): Promise<FactorRecord | undefined> {
      const [row] = await db.select().from(factors).where(eq(factors.id, id));
      return row && toRecord(row);
    },

    /** Inserts a factor and its audit record; a factor with the same identity → `duplicate`. */
    async create(draft: FactorChange & Pick<FactorRecord, 'year' | 'submodule'>, actor: { id: string; subject: string }): Promise<FactorWriteOutcome> {
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx.insert(factors).values({ ...draft, values: draft.values ?? {}, classification: draft.classification ?? {} }).returning();
          if (!row) throw new Error('insert returned nothing');
          const created = toRecord(row);
          await appendAudit(tx, { actor, action: 'factor.create', entityType: 'factor', entityId: created.id, year: created.year, after: snapshot(created) });
          return { ok: true as const, factor: created };
        });
      } catch (err) {
        if (isUniqueViolation(err)) return { ok: false, reason: 'duplicate' };
        throw err;
      }
    },

    /** Changes a factor and audits the change; unknown id → `missing`, identity taken → `duplicate`. */
    async update(id: string, change: FactorChange, actor: { id: string; subject: string }): Promise<FactorWriteOutcome> {
      try {
        return await db.transaction(async (tx) => {
          const [before] = await tx.select().from(factors).where(eq(factors.id, id)).for('update');
          if (!before) return { ok: false as const, reason: 'missing' as const };
          const [row] = await tx.update(factors).set({ ...change, updatedAt: sql`now()` }).where(eq(factors.id, id)).returning();
          if (!row) throw new Error('update returned nothing');
          const after = toRecord(row);
          await appendAudit(tx, { actor, action: 'factor.update', entityType: 'factor', entityId: id, year: after.year, before: snapshot(toRecord(before)), after: snapshot(after) });
          return { ok: true as const, factor: after };
        });
      } catch (err) {
        if (isUniqueViolation(err)) return { ok: false, reason: 'duplicate' };
        throw err;
      }
    },

    /**
     * Copies the factors of a year (or one submodule) into another year in one statement; identities the target
     * already has are kept (`ON CONFLICT DO NOTHING`). Audited in the same transaction. Counts per submodule.
     */
    async copyYear(o: { fromYear: number; toYear: number; submodule?: string }, actor: { id: string; subject: string }): Promise<{ submodule: string; copied: number; total: number }[]> {
      return db.transaction(async (tx) => {
        const only = o.submodule ? sql`AND submodule = ${o.submodule}` : sql``;
        const result = await tx.execute(sql`
          WITH source AS (SELECT * FROM factors WHERE year = ${o.fromYear} ${only}),
          inserted AS (
            INSERT INTO factors (year, submodule, emission_type, classification, values, unit, source)
            SELECT ${o.toYear}, submodule, emission_type, classification, values, unit, source FROM source
            ON CONFLICT ON CONSTRAINT factors_identity DO NOTHING
            RETURNING submodule)
          SELECT s.submodule, s.total::int AS total, coalesce(i.copied, 0)::int AS copied
          FROM (SELECT submodule, count(*) AS total FROM source GROUP BY submodule) s
          LEFT JOIN (SELECT submodule, count(*) AS copied FROM inserted GROUP BY submodule) i USING (submodule)
          ORDER BY s.submodule`);
        const rows = result.rows as { submodule: string; total: number; copied: number }[];
        await appendAudit(tx, { actor, action: 'factor.copy_year', entityType: 'factor', entityId: null, year: o.toYear, after: { ...o, submodules: rows } });
        return rows;
      });
    },

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
