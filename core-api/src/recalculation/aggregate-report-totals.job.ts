// The `aggregate-report-totals` job: the last step of a pipeline. Recomputes, set-based, the cached totals of
// the report modules of a year (optionally one module or one unit). Report-level totals are not cached (the
// results endpoints sum the modules), so the modules are all there is to refresh.
import { MODULES, type ModuleKey } from '@co2/contracts';
import type pg from 'pg';
import { z } from 'zod';
import { defineJob, type JobContext } from '../jobs/registry.js';
import { yearLockKey } from '../jobs/lock-keys.js';
import { refreshReportTotals, type AggregationOutcome } from '../repositories/aggregation.repository.js';

export const AGGREGATE_REPORT_TOTALS_JOB = 'aggregate-report-totals';

export const aggregateReportTotalsPayload = z.object({
  year: z.number().int().min(2000).max(2100),
  module: z.enum(Object.keys(MODULES) as [ModuleKey, ...ModuleKey[]]).optional(),
  unitCode: z.string().min(1).optional(),
});
export type AggregateReportTotalsPayload = z.infer<typeof aggregateReportTotalsPayload>;

/** Chains the aggregation of a pipeline: one per (year, pipeline); chained twice with other scopes it widens. */
export function chainAggregation(ctx: JobContext, payload: AggregateReportTotalsPayload): void {
  ctx.chain({ type: AGGREGATE_REPORT_TOTALS_JOB, payload, dedupeKey: `aggregate:${payload.year}:${ctx.pipelineId ?? ctx.jobId}` });
}

/** Two scopes of one year merged: what they share (a different module or unit widens to the whole year). */
export function mergeAggregationScopes(a: AggregateReportTotalsPayload, b: AggregateReportTotalsPayload): AggregateReportTotalsPayload {
  return {
    year: a.year,
    ...(a.module && a.module === b.module ? { module: a.module } : {}),
    ...(a.unitCode && a.unitCode === b.unitCode && a.module === b.module ? { unitCode: a.unitCode } : {}),
  };
}

export function aggregateReportTotalsJob(deps: { pool: pg.Pool }) {
  return defineJob<AggregateReportTotalsPayload>({
    type: AGGREGATE_REPORT_TOTALS_JOB,
    payload: aggregateReportTotalsPayload,
    handler: async (p, ctx): Promise<AggregationOutcome> => {
      ctx.progress({ phase: 'aggregating' });
      const client = await deps.pool.connect();
      try {
        return await refreshReportTotals(client, p);
      } finally {
        client.release();
      }
    },
    lockKey: (p) => yearLockKey(p.year, { module: p.module }),
    mergePayload: mergeAggregationScopes,
  });
}
