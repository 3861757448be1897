// The `factor-import` job: stream a factor CSV through `runImport`, upsert every accepted row on the factor
// identity in ONE transaction (stamping `last_seen_job_id`), list the stale factors of the scope (reported, not
// deleted), then chain one `recalculate-emissions` per affected submodule — or write nothing when the report is
// `error`, the job is aborted, or anything fails. A dry run validates and writes nothing.
import { open } from 'node:fs/promises';
import { MODULES, SUBMODULE_KEYS, type ModuleKey, type SubmoduleKey } from '@co2/contracts';
import type pg from 'pg';
import { z } from 'zod';
import { yearLockKey } from '../../jobs/lock-keys.js';
import { defineJob, type JobContext } from '../../jobs/registry.js';
import { RECALCULATE_EMISSIONS_JOB, type RecalculateEmissionsPayload } from '../../recalculation/recalculate-emissions.job.js';
import { auditOnClient } from '../../repositories/audit.repository.js';
import { staleFactors, upsertFactors, type StaleFactor } from '../../repositories/factor-import.repository.js';
import { assertJobRunning } from '../../repositories/job.repository.js';
import { importFormat } from '../formats/index.js';
import type { ImportReport } from '../report.js';
import { runImport, validateImport } from '../validate.js';

export const FACTOR_IMPORT_JOB = 'factor-import';

export const factorImportPayload = z
  .object({
    fileId: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    year: z.number().int().min(2000).max(2100),
    /** The submodule of every row; absent for module-wide files whose routing column names it (equipment, purchases). */
    submodule: z.enum(SUBMODULE_KEYS as [SubmoduleKey, ...SubmoduleKey[]]).optional(),
    /** Scope of a routed module-wide file (for the stale list and the lock). */
    module: z.enum(Object.keys(MODULES) as [ModuleKey, ...ModuleKey[]]).optional(),
    dryRun: z.boolean().default(false),
    actor: z.object({ id: z.uuid(), subject: z.string() }).optional(),
  })
  .refine((p) => (p.fileId === undefined) !== (p.path === undefined), { message: 'give exactly one of fileId and path', path: ['fileId'] });
export type FactorImportPayload = z.infer<typeof factorImportPayload>;

export interface FactorImportResult {
  dryRun: boolean;
  report: ImportReport;
  /** Null when nothing was written (dry run, or a report with status `error`). */
  applied: { inserted: number; updated: number; unchanged: number; submodules: SubmoduleKey[]; stale: StaleFactor[] } | null;
}

export interface FactorImportDeps {
  pool: pg.Pool;
  /** Opens an uploaded file by id (the upload store); `path` payloads are read from the local disk. */
  openFile?: (fileId: string) => Promise<AsyncIterable<unknown>>;
  batchSize?: number;
}

async function openSource(deps: FactorImportDeps, p: FactorImportPayload): Promise<AsyncIterable<unknown>> {
  if (p.path !== undefined) return (await open(p.path, 'r')).createReadStream();
  if (!deps.openFile) throw new Error('no upload store is configured to open fileId payloads');
  return deps.openFile(p.fileId as string);
}

/** The submodules whose factors the file replaces: the chosen one, the module's, or those the file listed. */
function scopeOf(p: FactorImportPayload, seen: Iterable<SubmoduleKey>): SubmoduleKey[] {
  if (p.submodule) return [p.submodule];
  if (p.module) return MODULES[p.module].map((s) => `${p.module}/${s}` as SubmoduleKey);
  return [...new Set(seen)].sort();
}

class NothingApplied extends Error {}

async function runFactorImport(deps: FactorImportDeps, p: FactorImportPayload, ctx: JobContext): Promise<FactorImportResult> {
  const format = importFormat('factors');
  const common = { mode: 'per-year' as const, submodule: p.submodule, year: p.year, batchSize: deps.batchSize, signal: ctx.signal };
  const source = await openSource(deps, p);
  if (p.dryRun) {
    const report = await validateImport(source, format, { ...common, onProgress: (pr) => ctx.progress({ phase: 'validating', ...pr }) });
    return { dryRun: true, report, applied: null };
  }
  const client = await deps.pool.connect();
  let broken: Error | undefined;
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  const changed = new Map<SubmoduleKey, { factorIds: Set<string>; added: boolean }>();
  const seen = new Set<SubmoduleKey>();
  let report: ImportReport | undefined;
  try {
    await client.query('BEGIN');
    report = await runImport(source, format, {
      ...common,
      onProgress: (pr) => ctx.progress({ phase: 'upserting', ...pr }),
      onBatch: async (rows) => {
        for (const r of rows) seen.add(r.value.submodule);
        for (const f of await upsertFactors(client, ctx.jobId, p.year, rows.map((r) => r.value))) {
          counts[f.outcome] += 1;
          if (f.outcome === 'unchanged') continue;
          const c = changed.get(f.submodule as SubmoduleKey) ?? { factorIds: new Set<string>(), added: false };
          if (f.outcome === 'inserted') c.added = true;
          else c.factorIds.add(f.id);
          changed.set(f.submodule as SubmoduleKey, c);
        }
      },
    });
    if (report.status === 'error') throw new NothingApplied();
    await assertJobRunning(client, ctx.jobId, { lock: true });
    const submodules = scopeOf(p, seen);
    const stale = await staleFactors(client, ctx.jobId, p.year, submodules);
    const applied = { ...counts, submodules, stale };
    await auditOnClient(client, {
      actor: p.actor ?? null, action: 'factor.import', entityType: 'data_ingestion_job', entityId: ctx.jobId, year: p.year,
      after: { ...counts, submodules, stale: stale.length },
    });
    await client.query('COMMIT');
    for (const [submodule, c] of [...changed.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      // Values changed: set-based on those factors; factors added: any lookup may now choose one → the engine.
      const payload: RecalculateEmissionsPayload = c.added ? { submodule, year: p.year, full: true } : { submodule, year: p.year, factorIds: [...c.factorIds].sort(), full: false };
      ctx.chain({ type: RECALCULATE_EMISSIONS_JOB, payload });
    }
    return { dryRun: false, report, applied };
  } catch (error) {
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    if (error instanceof NothingApplied && report) return { dryRun: false, report, applied: null };
    broken ??= error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** The job definition; register it with the `JobRegistry` of the process that runs jobs. */
export function factorImportJob(deps: FactorImportDeps) {
  return defineJob<FactorImportPayload>({
    type: FACTOR_IMPORT_JOB,
    payload: factorImportPayload as unknown as z.ZodType<FactorImportPayload>,
    handler: (payload, ctx) => runFactorImport(deps, payload, ctx),
    // Factors feed the imports' computation and the recalculation of their module and year.
    lockKey: (p) => (p.dryRun ? null : yearLockKey(p.year, { submodules: p.submodule ? [p.submodule] : [], module: p.module })),
  });
}
