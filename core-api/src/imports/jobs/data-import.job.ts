// The `data-import` job: stream the file through `runImport`, compute accepted rows and stage them batch by batch
// in a session temp table, then apply everything in ONE transaction — or nothing when the report is `error`,
// the job is aborted, or anything fails on the way. A dry run validates and writes nothing.
import { open } from 'node:fs/promises';
import { SUBMODULE_KEYS, type SubmoduleKey } from '@co2/contracts';
import type pg from 'pg';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { defineJob, type JobContext } from '../../jobs/registry.js';
import { chainAggregation } from '../../recalculation/aggregate-report-totals.job.js';
import { dataImportLockKey, dataImportScope } from '../../recalculation/pipeline-scopes.js';
import { createRepositories } from '../../repositories/index.js';
import { createPgLookups } from '../db/pg-lookups.js';
import { DATA_FORMATS, importFormat, type DataFormatId } from '../formats/index.js';
import type { ImportReport } from '../report.js';
import { runImport, validateImport } from '../validate.js';
import { applyStaged, type ApplyOutcome } from '../../repositories/import-apply.repository.js';
import { dropStaging } from '../../repositories/import-staging.repository.js';
import { cachedLookups } from './cached-lookups.js';
import { createStager } from './stage-rows.js';

export const DATA_IMPORT_JOB = 'data-import';
/** Rows per batch (lookups, one COPY write, one event-loop turn): a few ms of synchronous work each. */
export const STAGING_BATCH_SIZE = 250;

export const dataImportPayload = z
  .object({
    fileId: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    format: z.enum(Object.keys(DATA_FORMATS) as [DataFormatId, ...DataFormatId[]]),
    mode: z.enum(['per-year', 'unit-specific']),
    year: z.number().int().min(2000).max(2100),
    unitCode: z.string().min(1).optional(),
    /** The target when the file does not name it (e.g. one purchases category). */
    submodule: z.enum(SUBMODULE_KEYS as [SubmoduleKey, ...SubmoduleKey[]]).optional(),
    dryRun: z.boolean().default(false),
    actor: z.object({ id: z.uuid(), subject: z.string() }).optional(),
  })
  .refine((p) => (p.fileId === undefined) !== (p.path === undefined), { message: 'give exactly one of fileId and path', path: ['fileId'] })
  .refine((p) => p.mode === 'per-year' || p.unitCode !== undefined, { message: 'is required for unit-specific imports', path: ['unitCode'] });

export type DataImportPayload = z.infer<typeof dataImportPayload>;

export interface DataImportResult {
  dryRun: boolean;
  report: ImportReport;
  /** Null when nothing was written (dry run, or a report with status `error`). */
  applied: ApplyOutcome | null;
}

export interface DataImportDeps {
  db: Database;
  pool: pg.Pool;
  /** Opens an uploaded file by id (the upload store); `path` payloads are read from the local disk. */
  openFile?: (fileId: string) => Promise<AsyncIterable<unknown>>;
  batchSize?: number;
}

async function openSource(deps: DataImportDeps, p: DataImportPayload): Promise<AsyncIterable<unknown>> {
  // Opened before streaming: a missing file fails here, not as an unhandled stream error later.
  if (p.path !== undefined) return (await open(p.path, 'r')).createReadStream();
  if (!deps.openFile) throw new Error('no upload store is configured to open fileId payloads');
  return deps.openFile(p.fileId as string);
}

async function runDataImport(deps: DataImportDeps, p: DataImportPayload, ctx: JobContext): Promise<DataImportResult> {
  const format = importFormat(p.format);
  const common = { mode: p.mode, submodule: p.submodule, year: p.year, batchSize: deps.batchSize, signal: ctx.signal };
  const onProgress = (phase: string) => (progress: object) => ctx.progress({ phase, ...progress });
  const client = await deps.pool.connect();
  let broken: Error | undefined;
  try {
    // On the pool: the import's own connection is busy with the COPY while the file streams.
    const lookups = cachedLookups(createPgLookups(deps.pool));
    if (p.mode === 'unit-specific') {
      const { rowCount } = await client.query('SELECT 1 FROM units WHERE code = $1', [p.unitCode]);
      if (!rowCount) throw new Error(`unknown unit "${p.unitCode}"`);
    }
    const source = await openSource(deps, p);
    if (p.dryRun) {
      const report = await validateImport(source, format, { ...common, lookups, onProgress: onProgress('validating') });
      return { dryRun: true, report, applied: null };
    }
    const stager = await createStager(client, createRepositories(deps.db), { jobId: ctx.jobId, year: p.year, format: p.format, unitCode: p.unitCode });
    const report = await runImport(source, format, {
      ...common,
      batchSize: deps.batchSize ?? STAGING_BATCH_SIZE,
      lookups,
      onBatch: stager.stage,
      onProgress: onProgress('staging'),
    });
    await stager.finish();
    if (report.status === 'error') return { dryRun: false, report, applied: null };
    if (ctx.signal.aborted) throw new Error('the import was aborted before it was applied');
    ctx.progress({ phase: 'computing', path: stager.path, accepted: report.rows.accepted });
    const sources = await stager.sources();
    ctx.progress({ phase: 'applying', path: stager.path, accepted: report.rows.accepted });
    const replaces = p.submodule ? [p.submodule] : [...format.targets];
    const applied = await applyStaged(client, { jobId: ctx.jobId, mode: p.mode, year: p.year, format: p.format, replaces, actor: p.actor ?? null }, sources);
    return { dryRun: false, report, applied };
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A failed connection is discarded (its temp table dies with the session); a healthy one is cleaned and reused.
    if (!broken) await dropStaging(client).catch((e: Error) => (broken = e));
    client.release(broken);
  }
}

/** The job definition; register it with the `JobRegistry` of the process that runs jobs. */
export function dataImportJob(deps: DataImportDeps) {
  return defineJob<DataImportPayload>({
    type: DATA_IMPORT_JOB,
    payload: dataImportPayload as unknown as z.ZodType<DataImportPayload>,
    handler: async (payload, ctx) => {
      const result = await runDataImport(deps, payload, ctx);
      // Emissions were computed while staging: the pipeline goes on with the aggregation only (README).
      if (result.applied) chainAggregation(ctx, { year: payload.year, ...dataImportScope(payload) });
      return result;
    },
    // Serialised with imports, factor imports and recalculations of the same module and year (lock-keys.ts).
    lockKey: (p) => (p.dryRun ? null : dataImportLockKey(p)),
  });
}
