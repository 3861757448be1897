// The `reference-import` job: stream a reference file (locations, building rooms, units, FX rates, price
// indices) through `runImport`, stage accepted rows in session temp tables, check the unit tree once the whole
// file is read, then upsert everything in ONE transaction — or nothing when the report is `error`, the job is
// aborted or anything fails. A dry run validates (tree included) and writes nothing. When a table that entries
// read changed (airports, stations, rooms, FX rates, price indices), the pipeline goes on with the
// recalculation of the submodules that read it (`../../recalculation/after-reference-import.ts`), then their
// aggregation.
import { open } from 'node:fs/promises';
import type pg from 'pg';
import type { z } from 'zod';
import type { Database } from '../../db/client.js';
import { defineJob, type JobContext } from '../../jobs/registry.js';
import { recalculationsAfterReferenceImport } from '../../recalculation/after-reference-import.js';
import { RECALCULATE_EMISSIONS_JOB } from '../../recalculation/recalculate-emissions.job.js';
import { createYearConfigurationRepository } from '../../repositories/year-configuration.repository.js';
import {
  applyReferenceStaged,
  createReferenceStaging,
  dropReferenceStaging,
  loadUnitTree,
  placeStagedUnits,
  stageReferenceRows,
  type ReferenceApplyOutcome,
} from '../../repositories/reference-import.repository.js';
import type { ImportReport } from '../report.js';
import { checkUnitTree, type UnitNode } from '../reference/unit-tree.js';
import { rejectLate } from '../reference/late-rejections.js';
import { referenceImportPayload, YEARLY_KINDS, type ReferenceImportPayload } from '../reference/payload.js';
import { referenceFormatOf } from '../reference/index.js';
import type { ReferenceRow, ReferenceTable } from '../reference/types.js';
import { runImport, type AcceptedRow } from '../validate.js';

export const REFERENCE_IMPORT_JOB = 'reference-import';

export interface ReferenceImportResult {
  dryRun: boolean;
  kind: ReferenceImportPayload['kind'];
  report: ImportReport;
  /** Null when nothing was written (dry run, or a report with status `error`). */
  applied: ReferenceApplyOutcome | null;
}

export interface ReferenceImportDeps {
  db: Database;
  pool: pg.Pool;
  /** Opens an uploaded file by id (the upload store); `path` payloads are read from the local disk. */
  openFile?: (fileId: string) => Promise<AsyncIterable<unknown>>;
  batchSize?: number;
}

async function openSource(deps: ReferenceImportDeps, p: ReferenceImportPayload): Promise<AsyncIterable<unknown>> {
  // Opened before streaming: a missing file fails here, not as an unhandled stream error later.
  if (p.path !== undefined) return (await open(p.path, 'r')).createReadStream();
  if (!deps.openFile) throw new Error('no upload store is configured to open fileId payloads');
  return deps.openFile(p.fileId as string);
}

const unitNode = (r: AcceptedRow<ReferenceRow>): UnitNode => ({
  line: r.line,
  code: String(r.value.code),
  parentCode: r.value.parent_code === null ? null : String(r.value.parent_code),
  level: typeof r.value.level === 'number' ? r.value.level : null,
});

async function runReferenceImport(deps: ReferenceImportDeps, p: ReferenceImportPayload, ctx: JobContext): Promise<ReferenceImportResult> {
  const format = referenceFormatOf(p.kind);
  const year = YEARLY_KINDS.includes(p.kind) ? p.year : undefined;
  const client = await deps.pool.connect();
  let broken: Error | undefined;
  try {
    const source = await openSource(deps, p);
    if (!p.dryRun) await createReferenceStaging(client, format.tables);
    // The unit tree needs the whole file: (line, code, parent, level) of accepted rows stay in memory.
    const nodes: UnitNode[] = [];
    const phase = p.dryRun ? 'validating' : 'staging';
    let report = await runImport(source, format, {
      mode: 'per-year',
      year,
      batchSize: deps.batchSize,
      signal: ctx.signal,
      onBatch: async (rows) => {
        if (p.kind === 'units') nodes.push(...rows.map(unitNode));
        if (!p.dryRun) await stageReferenceRows(client, rows);
      },
      onProgress: (progress) => ctx.progress({ phase, ...progress }),
    });
    if (p.kind === 'units' && report.status !== 'error') {
      ctx.progress({ phase: 'checking-tree', units: nodes.length });
      const tree = checkUnitTree(nodes, await loadUnitTree(client));
      report = rejectLate(report, tree.rejected, 'units');
      if (!p.dryRun && report.status !== 'error') await placeStagedUnits(client, tree.placed);
    }
    if (p.dryRun || report.status === 'error') return { dryRun: p.dryRun, kind: p.kind, report, applied: null };
    if (ctx.signal.aborted) throw new Error('the import was aborted before it was applied');
    ctx.progress({ phase: 'applying', accepted: report.rows.accepted });
    const applied = await applyReferenceStaged(client, { jobId: ctx.jobId, kind: p.kind, tables: format.tables, year: year ?? null, actor: p.actor ?? null });
    return { dryRun: false, kind: p.kind, report, applied };
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A failed connection is discarded (its temp tables die with the session); a healthy one is cleaned and reused.
    if (!broken) await dropReferenceStaging(client, format.tables).catch((e: Error) => (broken = e));
    client.release(broken);
  }
}

/** Entries computed from a changed table are recomputed (full: the engine re-reads the reference). */
async function chainRecalculations(deps: ReferenceImportDeps, applied: ReferenceApplyOutcome, p: ReferenceImportPayload, ctx: JobContext): Promise<void> {
  const changedTables = (Object.entries(applied.tables) as [ReferenceTable, { inserted: number; updated: number }][])
    .filter(([, c]) => c.inserted + c.updated > 0)
    .map(([table]) => table);
  if (changedTables.length === 0) return;
  const openYears = (await createYearConfigurationRepository(deps.db).list()).filter((y) => y.openToUsers).map((y) => y.year);
  const year = YEARLY_KINDS.includes(p.kind) ? p.year : undefined;
  for (const target of recalculationsAfterReferenceImport({ changedTables, openYears, ...(year === undefined ? {} : { year }) })) {
    ctx.chain({ type: RECALCULATE_EMISSIONS_JOB, payload: { ...target, full: true } });
  }
}

/** The job definition; register it with the `JobRegistry` of the process that runs jobs. */
export function referenceImportJob(deps: ReferenceImportDeps) {
  return defineJob<ReferenceImportPayload>({
    type: REFERENCE_IMPORT_JOB,
    payload: referenceImportPayload as unknown as z.ZodType<ReferenceImportPayload>,
    handler: async (payload, ctx) => {
      const result = await runReferenceImport(deps, payload, ctx);
      if (result.applied) await chainRecalculations(deps, result.applied, payload, ctx);
      return result;
    },
    // Two imports of the same kind never interleave their upserts; a dry run writes nothing and needs no lock.
    lockKey: (p) => (p.dryRun ? null : `reference-import:${p.kind}`),
  });
}
