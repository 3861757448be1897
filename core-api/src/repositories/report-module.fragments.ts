import { MODULES, type ModuleKey } from '@co2/contracts';
import { and, count, eq, sql, sum } from 'drizzle-orm';
import { carbonReports, entries, entryEmissions, reportModules } from '../db/schema/index.js';
import type { ReportModuleKey } from '../domain/entries/entry.js';
import type { Executor, Tx } from './executor.js';

const moduleWhere = (where: ReportModuleKey) =>
  and(eq(carbonReports.unitId, where.unitId), eq(carbonReports.year, where.year), eq(reportModules.module, where.module));

/** The id of a report's module, if the report exists. */
export async function findReportModuleId(db: Executor, where: ReportModuleKey): Promise<string | undefined> {
  const [row] = await db
    .select({ id: reportModules.id })
    .from(reportModules)
    .innerJoin(carbonReports, eq(reportModules.reportId, carbonReports.id))
    .where(moduleWhere(where));
  return row?.id;
}

/** Creates the report (unit × year) and its eight modules when missing, and locks the addressed module row. */
export async function lockReportModule(tx: Tx, where: ReportModuleKey): Promise<string> {
  await tx.insert(carbonReports).values({ unitId: where.unitId, year: where.year }).onConflictDoNothing();
  const [report] = await tx
    .select({ id: carbonReports.id })
    .from(carbonReports)
    .where(and(eq(carbonReports.unitId, where.unitId), eq(carbonReports.year, where.year)));
  if (!report) throw new Error('carbon report vanished');
  const modules = (Object.keys(MODULES) as ModuleKey[]).map((module) => ({ reportId: report.id, module }));
  await tx.insert(reportModules).values(modules).onConflictDoNothing();
  const [row] = await tx
    .select({ id: reportModules.id })
    .from(reportModules)
    .where(and(eq(reportModules.reportId, report.id), eq(reportModules.module, where.module)))
    .for('update');
  if (!row) throw new Error('report module vanished');
  return row.id;
}

const add = (bucket: Record<string, number>, key: string, kg: number) => {
  bucket[key] = (bucket[key] ?? 0) + kg;
};

/**
 * Recomputes a module's cached totals from its emission rows and sets it back to in progress: any change of a
 * module's data makes a prior validation stale.
 */
export async function refreshModuleTotals(tx: Tx, reportModuleId: string): Promise<void> {
  const rows = await tx
    .select({
      submodule: entries.submodule,
      emissionType: entryEmissions.emissionType,
      scope: entryEmissions.scope,
      category: entryEmissions.category,
      additional: entryEmissions.additional,
      kg: sum(entryEmissions.kgCo2eq).mapWith(Number),
    })
    .from(entryEmissions)
    .innerJoin(entries, eq(entryEmissions.entryId, entries.id))
    .where(eq(entries.reportModuleId, reportModuleId))
    .groupBy(entries.submodule, entryEmissions.emissionType, entryEmissions.scope, entryEmissions.category, entryEmissions.additional);
  const [counted] = await tx.select({ n: count() }).from(entries).where(eq(entries.reportModuleId, reportModuleId));
  const totals = { byScope: {}, byCategory: {}, byEmissionType: {}, bySubmodule: {}, additionalKg: 0 } as {
    byScope: Record<string, number>; byCategory: Record<string, number>; byEmissionType: Record<string, number>; bySubmodule: Record<string, number>; additionalKg: number;
  };
  let totalKg = 0;
  for (const r of rows) {
    totalKg += r.kg;
    add(totals.byScope, String(r.scope), r.kg);
    add(totals.byCategory, r.category, r.kg);
    add(totals.byEmissionType, r.emissionType, r.kg);
    add(totals.bySubmodule, r.submodule, r.kg);
    if (r.additional) totals.additionalKg += r.kg;
  }
  await tx
    .update(reportModules)
    .set({ totals, totalKg, entryCount: counted?.n ?? 0, status: 'in_progress', validatedAt: null, validatedBy: null, updatedAt: sql`now()` })
    .where(eq(reportModules.id, reportModuleId));
}
