// Jobs and pipelines as users see them: administrators every job; others the jobs they started and the rest of
// those jobs' pipelines. A job the caller may not see is 404, like one that does not exist.
import type { Job, JobPage, ListJobsQuery, Pipeline } from '@co2/contracts';
import { errors } from '../../errors/index.js';
import { abortJob, retryJob } from '../../repositories/job.repository.js';
import type { Database } from '../../db/client.js';
import type { JobQueries } from '../../repositories/job-query.repository.js';
import { isGlobalAdmin, type Principal } from '../identity/principal.js';
import { toJob, toPipeline } from './job-view.js';

export interface JobUseCaseDeps {
  db: Database;
  jobs: JobQueries;
  /** Wakes this replica's runner (a retried job runs at once). */
  kick(): void;
}

const scopeOf = (principal: Principal) => (isGlobalAdmin(principal.grants) ? undefined : principal.user.id);

export function createJobUseCases(deps: JobUseCaseDeps) {
  const visibleJob = async (principal: Principal, id: string) => {
    const view = await deps.jobs.get(id, scopeOf(principal));
    if (!view) throw errors.notFound(`job ${id}`);
    return view;
  };
  const visiblePipeline = async (principal: Principal, id: string): Promise<Pipeline> => {
    const views = await deps.jobs.pipeline(id, scopeOf(principal));
    if (views.length === 0) throw errors.notFound(`pipeline ${id}`);
    return toPipeline(id, views.map(toJob));
  };
  return {
    listJobs: async (principal: Principal, query: ListJobsQuery): Promise<JobPage> => {
      const { items, total } = await deps.jobs.list({ ...query, visibleTo: scopeOf(principal) });
      return { items: items.map(toJob), total, page: query.page, pageSize: query.pageSize };
    },
    getJob: async (principal: Principal, id: string): Promise<Job> => toJob(await visibleJob(principal, id)),
    abortJob: async (principal: Principal, id: string): Promise<Job> => {
      const view = await visibleJob(principal, id);
      if (!(await abortJob(deps.db, id))) throw errors.conflict(`the job has already ended (${view.state})`);
      return toJob((await deps.jobs.get(id))!);
    },
    retryJob: async (principal: Principal, id: string): Promise<Job> => {
      const view = await visibleJob(principal, id);
      if (!(await retryJob(deps.db, id))) throw errors.conflict(`only failed or aborted jobs can be retried (this one is ${view.state})`);
      deps.kick();
      return toJob((await deps.jobs.get(id))!);
    },
    getPipeline: visiblePipeline,
    abortPipeline: async (principal: Principal, id: string): Promise<Pipeline> => {
      await visiblePipeline(principal, id);
      await deps.jobs.abortPipeline(id);
      return visiblePipeline(principal, id);
    },
    /** For event streams: the job if visible (404 otherwise), then cheap change markers. */
    visibleJob: async (principal: Principal, id: string): Promise<Job> => toJob(await visibleJob(principal, id)),
    pulse: (id: string) => deps.jobs.pulse(id),
    reload: async (id: string): Promise<Job | null> => {
      const view = await deps.jobs.get(id);
      return view ? toJob(view) : null;
    },
  };
}
export type JobUseCases = ReturnType<typeof createJobUseCases>;
