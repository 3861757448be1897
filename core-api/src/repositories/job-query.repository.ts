// Read side of the job queue for the HTTP API: jobs with their upload's name and size and their author.
import { sql, type SQL } from 'drizzle-orm';
import type { JobState } from '../db/schema/jobs.js';
import type { Executor } from './executor.js';

export interface JobView {
  id: string;
  pipelineId: string | null;
  type: string;
  state: JobState;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  progress: Record<string, unknown>;
  result: unknown;
  error: string | null;
  createdById: string | null;
  createdBySubject: string | null;
  fileName: string | null;
  fileSize: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface JobFilter {
  state?: JobState;
  type?: string;
  pipelineId?: string;
  /** Only jobs this user started, or that belong to a pipeline they started; undefined = every job. */
  visibleTo?: string;
  page: number;
  pageSize: number;
}

const SELECT = sql`
  SELECT j.id, j.pipeline_id AS "pipelineId", j.type, j.state, j.payload, j.attempts, j.max_attempts AS "maxAttempts",
         j.progress, j.result, j.error, j.created_by AS "createdById", u.subject AS "createdBySubject",
         f.name AS "fileName", f.size_bytes::float8 AS "fileSize",
         j.created_at AS "createdAt", j.started_at AS "startedAt", j.finished_at AS "finishedAt"
  FROM data_ingestion_jobs j
  LEFT JOIN users u ON u.id = j.created_by
  LEFT JOIN upload_files f ON f.id = CASE WHEN j.payload->>'fileId' ~ '^[0-9a-f-]{36}$' THEN (j.payload->>'fileId')::uuid END`;

const visibleTo = (userId: string) =>
  sql`(j.created_by = ${userId} OR j.pipeline_id IN (SELECT p.pipeline_id FROM data_ingestion_jobs p WHERE p.created_by = ${userId} AND p.pipeline_id IS NOT NULL))`;

const views = async (ex: Executor, query: SQL) => (await ex.execute(query)).rows as unknown as JobView[];

export function createJobQueries(ex: Executor) {
  return {
    async list(filter: JobFilter): Promise<{ items: JobView[]; total: number }> {
      const conditions: SQL[] = [sql`true`];
      if (filter.state) conditions.push(sql`j.state = ${filter.state}`);
      if (filter.type) conditions.push(sql`j.type = ${filter.type}`);
      if (filter.pipelineId) conditions.push(sql`j.pipeline_id = ${filter.pipelineId}`);
      if (filter.visibleTo) conditions.push(visibleTo(filter.visibleTo));
      const where = sql.join(conditions, sql` AND `);
      const items = await views(ex, sql`${SELECT} WHERE ${where} ORDER BY j.created_at DESC, j.id LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`);
      const total = (await ex.execute(sql`SELECT count(*)::int AS n FROM data_ingestion_jobs j WHERE ${where}`)).rows[0] as { n: number };
      return { items, total: total.n };
    },
    async get(id: string, userId?: string): Promise<JobView | null> {
      return (await views(ex, sql`${SELECT} WHERE j.id = ${id}${userId ? sql` AND ${visibleTo(userId)}` : sql``}`))[0] ?? null;
    },
    /** The jobs of a pipeline in creation order (empty when unknown or not visible). */
    async pipeline(pipelineId: string, userId?: string): Promise<JobView[]> {
      return views(ex, sql`${SELECT} WHERE j.pipeline_id = ${pipelineId}${userId ? sql` AND ${visibleTo(userId)}` : sql``} ORDER BY j.created_at, j.id`);
    },
    /** Lightweight change marker for event streams: state and progress only. */
    async pulse(id: string): Promise<{ state: JobState; progress: unknown; finishedAt: Date | null } | null> {
      const r = await ex.execute(sql`SELECT state, progress, finished_at AS "finishedAt" FROM data_ingestion_jobs WHERE id = ${id}`);
      return (r.rows[0] as { state: JobState; progress: unknown; finishedAt: Date | null } | undefined) ?? null;
    },
    /** Aborts every queued or running job of a pipeline; returns how many. */
    async abortPipeline(pipelineId: string): Promise<number> {
      const r = await ex.execute(
        sql`UPDATE data_ingestion_jobs SET state = 'aborted', finished_at = now(), lease_token = NULL, lease_expires_at = NULL,
              error = coalesce(error, 'Aborted')
            WHERE pipeline_id = ${pipelineId} AND state IN ('queued', 'running')`,
      );
      return r.rowCount ?? 0;
    },
  };
}
export type JobQueries = ReturnType<typeof createJobQueries>;
