// Starting a recalculation outside an import (a factor created or changed through the API): the same job, lock,
// dedupe key and merge as the recalculations a factor import chains, as the root of its own pipeline
// (recalculation → aggregation). Then this replica's runner is woken.
import type { RecalculationStarted } from '@co2/contracts';
import type { Database } from '../../db/client.js';
import { RECALCULATE_EMISSIONS_JOB } from '../../jobs/job-types.js';
import type { JobRegistry } from '../../jobs/registry.js';
import { enqueueJob } from '../../repositories/job.repository.js';
import type { RecalculationQueue, RecalculationRequest } from '../factors/factor-use-cases.js';

export function createRecalculationQueue(deps: { db: Database; registry: JobRegistry; kick(): void }): RecalculationQueue {
  return {
    async start(request: RecalculationRequest, actor: { id: string }): Promise<RecalculationStarted> {
      const definition = deps.registry.get(RECALCULATE_EMISSIONS_JOB);
      if (!definition) throw new Error(`${RECALCULATE_EMISSIONS_JOB} is not registered`);
      const payload = definition.payload.parse(request);
      const queued = await enqueueJob(
        deps.db,
        {
          type: RECALCULATE_EMISSIONS_JOB,
          payload,
          dedupeKey: definition.dedupeKey?.(payload) ?? null,
          lockKey: definition.lockKey?.(payload) ?? null,
          createdBy: actor.id,
        },
        definition.mergePayload ? (queuedPayload) => definition.mergePayload!(definition.payload.parse(queuedPayload), payload) : undefined,
      );
      deps.kick();
      return { jobId: queued.id, pipelineId: queued.pipelineId };
    },
  };
}
