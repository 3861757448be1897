// The `recalculate-emissions` job: after a factor change, brings a submodule's emissions of one year up to date
// in ONE transaction. Formulas linear in factor values are updated set-based (one UPDATE of the emission rows per
// formula kind); entries the SQL cannot decide (no SQL form, the factor may no longer apply, a factor was missing,
// factors were added) go through the JS engine in batches. Only emission rows (and, for the engine's entries,
// their status) are written: an entry's total is the sum of its rows, and the report modules' cached totals are
// the job of the aggregation it chains.
import { SUBMODULE_KEYS, type SubmoduleKey } from '@co2/contracts';
import type pg from 'pg';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { moduleOf, yearLockKey } from '../jobs/lock-keys.js';
import { auditOnClient } from '../repositories/audit.repository.js';
import { defineJob, type JobContext } from '../jobs/registry.js';
import { createRepositories } from '../repositories/index.js';
import { entriesForEngine, updateFormulaSetBased, type RecalcScope } from '../repositories/recalculation.repository.js';
import { chainAggregation } from './aggregate-report-totals.job.js';
import { recomputeWithEngine } from './engine-batches.js';
import { SET_BASED_SUBMODULES, SQL_FORMULAS } from './sql-formulas.js';

export const RECALCULATE_EMISSIONS_JOB = 'recalculate-emissions';
const WORK_MEM = '256MB';

export const recalculateEmissionsPayload = z.object({
  submodule: z.enum(SUBMODULE_KEYS as [SubmoduleKey, ...SubmoduleKey[]]),
  year: z.number().int().min(2000).max(2100),
  /** The factors whose values changed; absent = every factor of the submodule and year. */
  factorIds: z.array(z.uuid()).min(1).optional(),
  /** Factors were added (or a full recompute is asked): the engine recomputes every entry of the scope. */
  full: z.boolean().default(false),
});
export type RecalculateEmissionsPayload = z.infer<typeof recalculateEmissionsPayload>;

export interface RecalculationResult {
  submodule: SubmoduleKey;
  year: number;
  /** Emission rows updated set-based, per formula. */
  setBased: Record<string, number>;
  /** Entries recomputed by the engine, and how many of them have no emission afterwards. */
  engine: { entries: number; notComputed: number };
}

/** Two queued recalculations of one scope merged: the union of their factors (absent = all), full if either is. */
export function mergeRecalculations(a: RecalculateEmissionsPayload, b: RecalculateEmissionsPayload): RecalculateEmissionsPayload {
  const factorIds = a.factorIds && b.factorIds ? [...new Set([...a.factorIds, ...b.factorIds])] : undefined;
  return { submodule: a.submodule, year: a.year, full: a.full || b.full, ...(factorIds ? { factorIds } : {}) };
}

export interface RecalculationDeps {
  db: Database;
  pool: pg.Pool;
  batchSize?: number;
}

export async function recalculateEmissions(deps: RecalculationDeps, p: RecalculateEmissionsPayload, ctx: Pick<JobContext, 'signal' | 'progress'>): Promise<RecalculationResult> {
  const scope: RecalcScope = { submodule: p.submodule, year: p.year, factorIds: p.factorIds ?? null };
  const formulas = SET_BASED_SUBMODULES[p.submodule];
  const client = await deps.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    // The set-based statements hash a million entries at most: in memory, not in temp files.
    await client.query(`SET LOCAL work_mem = '${WORK_MEM}'`);
    const setBased: Record<string, number> = {};
    const forEngine = new Set<string>();
    if (!p.full && formulas) {
      for (const formula of formulas) {
        const sql = SQL_FORMULAS[formula]!;
        ctx.progress({ phase: 'recalculating', step: 'set-based', formula });
        const out = await updateFormulaSetBased(client, scope, formula, sql);
        if (out.updated > 0) setBased[formula] = out.updated;
        out.forEngine.forEach((id) => forEngine.add(id));
      }
    }
    ctx.progress({ phase: 'recalculating', step: 'engine selection' });
    (await entriesForEngine(client, scope, { all: p.full, setBased: formulas !== undefined })).forEach((id) => forEngine.add(id));
    const ids = [...forEngine].sort();
    const engine = await recomputeWithEngine(client, createRepositories(deps.db), { submodule: p.submodule, year: p.year, ids, batchSize: deps.batchSize }, ctx);
    if (ctx.signal.aborted) throw new Error('the recalculation was aborted');
    const result = { submodule: p.submodule, year: p.year, setBased, engine };
    // Emissions changed without a user's hand: the audit log says what, and why (the factors), with the change.
    await auditOnClient(client, {
      actor: null,
      action: 'emissions.recalculate',
      entityType: 'submodule',
      entityId: p.submodule,
      year: p.year,
      after: { ...result, factorIds: p.factorIds ?? null, full: p.full },
    });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release(broken);
  }
}

export function recalculateEmissionsJob(deps: RecalculationDeps) {
  return defineJob<RecalculateEmissionsPayload>({
    type: RECALCULATE_EMISSIONS_JOB,
    payload: recalculateEmissionsPayload as unknown as z.ZodType<RecalculateEmissionsPayload>,
    handler: async (p, ctx) => {
      const result = await recalculateEmissions(deps, p, ctx);
      chainAggregation(ctx, { year: p.year, module: moduleOf(p.submodule) });
      return result;
    },
    // Serialised with imports and factor imports of the module and year (see lock-keys.ts).
    lockKey: (p) => yearLockKey(p.year, { submodules: [p.submodule] }),
    dedupeKey: (p) => `recalc:${p.submodule}:${p.year}`,
    mergePayload: mergeRecalculations,
  });
}
