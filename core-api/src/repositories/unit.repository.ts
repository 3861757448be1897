import { and, arrayContains, arrayOverlaps, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { units } from '../db/schema/index.js';
import type { Unit, UnitDraft, UnitFilter, UnitScope } from '../domain/units/unit.js';

type UnitRow = typeof units.$inferSelect;

function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameFr: row.nameFr,
    nameDe: row.nameDe,
    level: row.level,
    parentCode: row.path.length > 1 ? (row.path[row.path.length - 2] ?? null) : null,
    path: row.path,
    active: row.active,
  };
}

/** `WHERE` fragment for a scope; `undefined` = no restriction. Subtrees use the GIN index on `path`. */
function inScope(scope: UnitScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  const parts: SQL[] = [];
  if (scope.codes.length > 0) parts.push(inArray(units.code, scope.codes));
  if (scope.subtreeRoots.length > 0) parts.push(arrayOverlaps(units.path, scope.subtreeRoots));
  return parts.length > 0 ? or(...parts) : sql`false`;
}

function matching(filter: UnitFilter): SQL[] {
  const parts: SQL[] = [];
  if (filter.level !== undefined) parts.push(eq(units.level, filter.level));
  if (!filter.includeInactive) parts.push(eq(units.active, true));
  if (filter.under) parts.push(arrayContains(units.path, [filter.under]));
  return parts;
}

/** Only rewrite a row when something differs, so re-running a seed leaves rows (and `updated_at`) alone. */
const changed = sql`(${units.name}, ${units.nameFr}, ${units.nameDe}, ${units.level}, ${units.path}, ${units.parentId})
  IS DISTINCT FROM (excluded.name, excluded.name_fr, excluded.name_de, excluded.level, excluded.path, excluded.parent_id)`;

export function createUnitRepository(db: Database) {
  return {
    /** Units in scope, ordered by path (parents before children, siblings by code). */
    async list(scope: UnitScope, filter: UnitFilter = {}): Promise<Unit[]> {
      const rows = await db
        .select()
        .from(units)
        .where(and(inScope(scope), ...matching(filter)))
        .orderBy(asc(units.path));
      return rows.map(toUnit);
    },

    async findByCode(code: string): Promise<Unit | undefined> {
      const [row] = await db.select().from(units).where(eq(units.code, code)).limit(1);
      return row ? toUnit(row) : undefined;
    },

    /** Creates or updates units by code, in the given order, in one transaction. */
    async upsertByCode(drafts: UnitDraft[]): Promise<void> {
      await db.transaction(async (tx) => {
        for (const d of drafts) {
          const parentId = d.parentCode === null ? null : sql`(SELECT id FROM ${units} WHERE ${units.code} = ${d.parentCode})`;
          const values = { name: d.name, nameFr: d.nameFr, nameDe: d.nameDe, level: d.level, path: d.path, parentId };
          await tx
            .insert(units)
            .values({ code: d.code, ...values })
            .onConflictDoUpdate({ target: units.code, set: { ...values, updatedAt: sql`now()` }, setWhere: changed });
        }
      });
    },
  };
}

export type UnitRepository = ReturnType<typeof createUnitRepository>;
