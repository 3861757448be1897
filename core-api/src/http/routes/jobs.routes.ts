import { abortJob, abortPipeline, getJob, getPipeline, listJobs, listWorkers, retryJob, streamJobEvents } from '@co2/contracts';
import type { createListWorkers } from '../../domain/jobs/list-workers.js';
import type { JobUseCases } from '../../domain/jobs/job-use-cases.js';
import type { JobChangeListener } from '../../jobs/job-change-listener.js';
import { streamJob, type JobStreamOptions } from '../job-events.js';
import { rawRoute, route } from '../route.js';

export const jobRoutes = (uc: JobUseCases, listener: JobChangeListener, options: JobStreamOptions, listWorkersOf: ReturnType<typeof createListWorkers>) => [
  route(listJobs, async ({ query }, { principal }) => uc.listJobs(principal, query)),
  route(getJob, async ({ params }, { principal }) => uc.getJob(principal, params.id)),
  rawRoute(streamJobEvents, async ({ params }, { principal }, req, res) => {
    const first = await uc.visibleJob(principal, params.id); // 404 before the stream opens
    streamJob(req, res, first, { pulse: uc.pulse, reload: uc.reload, subscribe: (id, onChange) => listener.subscribe(id, onChange) }, options);
  }),
  route(abortJob, async ({ params }, { principal }) => uc.abortJob(principal, params.id)),
  route(retryJob, async ({ params }, { principal }) => uc.retryJob(principal, params.id)),
  route(getPipeline, async ({ params }, { principal }) => uc.getPipeline(principal, params.id)),
  route(abortPipeline, async ({ params }, { principal }) => uc.abortPipeline(principal, params.id)),
  route(listWorkers, async () => listWorkersOf()),
];
