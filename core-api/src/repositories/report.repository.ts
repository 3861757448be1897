import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { carbonReports, entries, entryEmissions, factors, reportModules } from '../db/schema/index.js';
import type { ReportModuleKey } from '../domain/entries/entry.js';
import type { ModuleSnapshot, ModuleTotals, UnitModuleTotal } from '../domain/reports/report.js';
import type { FactorKg } from '../domain/results/uncertainty.js';
import { appendAudit } from './audit.repository.js';
import type { Executor } from './executor.js';
import { lockReportModule } from './report-module.fragments.js';

const snapshotColumns = {
  year: carbonReports.year,
  module: reportModules.module,
  status: reportModules.status,
  totalKg: reportModules.totalKg,
  entryCount: reportModules.entryCount,
  totals: reportModules.totals,
  validatedAt: reportModules.validatedAt,
  updatedAt: reportModules.updatedAt,
};


type SnapshotRow = Omit<ModuleSnapshot, 'module' | 'totals' | 'validatedAt' | 'updatedAt'> & { module: string; totals: unknown; validatedAt: Date | null; updatedAt: Date };

const toSnapshot = (r: SnapshotRow): ModuleSnapshot => ({
  ...r,
  module: r.module as ModuleSnapshot['module'],
  totals: (r.totals ?? {}) as ModuleTotals,
  validatedAt: r.validatedAt?.toISOString() ?? null,
  updatedAt: r.updatedAt.toISOString(),
});

async function selectModules(db: Executor, where: SQL | undefined): Promise<ModuleSnapshot[]> {
  const rows = await db
    .select(snapshotColumns)
    .from(reportModules)
    .innerJoin(carbonReports, eq(reportModules.reportId, carbonReports.id))
    .where(where)
    .orderBy(asc(carbonReports.year), asc(reportModules.module));
  return rows.map(toSnapshot);
}

/**
 * The query behind `emissionsByFactor` (exported so that the results benchmark can EXPLAIN the very SQL it runs).
 * The emission rows are summed per factor first and the few sums then joined to their factor: joining the factor
 * (wide: classification, source) to every row before grouping cost a third more at 10,000 entries.
 */
export function emissionsByFactorQuery(db: Executor, unitId: string, year: number) {
  const sums = db
    .select({
      factorId: entryEmissions.factorId,
      /** Rows without a factor stay one by one. */
      rowId: sql<number | null>`CASE WHEN ${entryEmissions.factorId} IS NULL THEN ${entryEmissions.id} END`.as('row_id'),
      module: reportModules.module,
      kg: sql<number>`sum(${entryEmissions.kgCo2eq})`.as('sum_kg'),
      emissionType: sql<string>`min(${entryEmissions.emissionType})`.as('min_emission_type'),
    })
    .from(entryEmissions)
    .innerJoin(entries, eq(entryEmissions.entryId, entries.id))
    .innerJoin(reportModules, eq(entries.reportModuleId, reportModules.id))
    .innerJoin(carbonReports, eq(reportModules.reportId, carbonReports.id))
    .where(and(eq(carbonReports.unitId, unitId), eq(carbonReports.year, year), eq(entryEmissions.additional, false)))
    .groupBy(sql`1`, sql`2`, sql`3`)
    .as('sums');
  return db
    .select({
      key: sql<string>`coalesce(${sums.factorId}::text, 'row:' || ${sums.rowId}::text)`,
      factorId: sums.factorId,
      module: sums.module,
      kg: sql<number>`${sums.kg}`.mapWith(Number),
      relativeUncertainty: factors.relativeUncertainty,
      submodule: factors.submodule,
      classification: factors.classification,
      source: factors.source,
      emissionType: sums.emissionType,
    })
    .from(sums)
    .leftJoin(factors, eq(sums.factorId, factors.id));
}

export function createReportRepository(db: Database) {
  return {
    async moduleTotals(unitIds: string[], year: number): Promise<UnitModuleTotal[]> {
      if (unitIds.length === 0) return [];
      const rows = await db
        .select({
          unitId: carbonReports.unitId,
          module: reportModules.module,
          status: reportModules.status,
          totalKg: reportModules.totalKg,
          additionalKg: sql<number>`coalesce((${reportModules.totals}->>'additionalKg')::double precision, 0)`.mapWith(Number),
        })
        .from(reportModules)
        .innerJoin(carbonReports, eq(reportModules.reportId, carbonReports.id))
        .where(and(eq(carbonReports.year, year), inArray(carbonReports.unitId, unitIds)));
      return rows.map((r) => ({ ...r, module: r.module as UnitModuleTotal['module'] }));
    },

    modules(unitId: string, years?: number[]): Promise<ModuleSnapshot[]> {
      const conditions = [eq(carbonReports.unitId, unitId)];
      if (years) conditions.push(inArray(carbonReports.year, years));
      return selectModules(db, and(...conditions));
    },

    async fte(unitId: string, year: number): Promise<number> {
      const [row] = await db
        .select({ fte: sql<string | null>`sum((${entries.data}->>'fte')::double precision)` })
        .from(entries)
        .innerJoin(reportModules, eq(entries.reportModuleId, reportModules.id))
        .innerJoin(carbonReports, eq(reportModules.reportId, carbonReports.id))
        .where(and(eq(carbonReports.unitId, unitId), eq(carbonReports.year, year), eq(reportModules.module, 'headcount')));
      return Number(row?.fte ?? 0);
    },

    /** Σ FTE of each unit's headcount entries of the year (units without any are left out). */
    async fteByUnit(unitIds: string[], year: number): Promise<Map<string, number>> {
      if (unitIds.length === 0) return new Map();
      const rows = await db
        .select({ unitId: carbonReports.unitId, fte: sql<string | null>`sum((${entries.data}->>'fte')::double precision)` })
        .from(entries)
        .innerJoin(reportModules, eq(entries.reportModuleId, reportModules.id))
        .innerJoin(carbonReports, eq(reportModules.reportId, carbonReports.id))
        .where(and(inArray(carbonReports.unitId, unitIds), eq(carbonReports.year, year), eq(reportModules.module, 'headcount')))
        .groupBy(carbonReports.unitId);
      return new Map(rows.map((r) => [r.unitId, Number(r.fte ?? 0)]));
    },

    /**
     * The unit's counted emission rows of the year (additional categories excluded) summed per factor, with the
     * factor's relative uncertainty and what names it; rows without a factor stay one by one.
     */
    async emissionsByFactor(unitId: string, year: number): Promise<FactorKg[]> {
      const rows = await emissionsByFactorQuery(db, unitId, year);
      return rows.map((r) => ({
        key: r.key,
        factorId: r.factorId,
        module: r.module as FactorKg['module'],
        kgCo2eq: r.kg,
        relativeUncertainty: r.relativeUncertainty,
        label: r.submodule ? [r.submodule, ...Object.values((r.classification ?? {}) as Record<string, unknown>).filter((v) => v !== null && v !== '')].join(' · ') : r.emissionType,
        source: r.source,
      }));
    },

    /** Sets a module's status (creating the report when missing) and audits it, in one transaction. */
    async setStatus(where: ReportModuleKey, status: 'validated' | 'in_progress', audit: { actor: { id: string; subject: string }; unitCode: string }): Promise<ModuleSnapshot> {
      return db.transaction(async (tx) => {
        const id = await lockReportModule(tx, where);
        const [before] = await tx.select({ status: reportModules.status }).from(reportModules).where(eq(reportModules.id, id));
        const validated = status === 'validated';
        await tx
          .update(reportModules)
          .set({ status, validatedAt: validated ? sql`now()` : null, validatedBy: validated ? audit.actor.id : null, updatedAt: sql`now()` })
          .where(eq(reportModules.id, id));
        await appendAudit(tx, {
          actor: audit.actor,
          action: validated ? 'module.validate' : 'module.unvalidate',
          entityType: 'report_module',
          entityId: id,
          unitCode: audit.unitCode,
          year: where.year,
          before: { module: where.module, status: before?.status },
          after: { module: where.module, status },
        });
        const [row] = await selectModules(tx, eq(reportModules.id, id));
        if (!row) throw new Error('report module vanished');
        return row;
      });
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
