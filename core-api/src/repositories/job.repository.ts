// Job queue persistence: enqueue, SKIP LOCKED claims, leases renewed by heartbeats, fenced finish.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Database } from '../db/client.js';
import type { JobState } from '../db/schema/jobs.js';
import type { Executor } from './executor.js';

export interface JobRow {
  id: string;
  pipelineId: string | null;
  type: string;
  payload: unknown;
  state: JobState;
  dedupeKey: string | null;
  lockKey: string | null;
  attempts: number;
  maxAttempts: number;
  leaseOwner: string | null;
  leaseToken: string | null;
  progress: Record<string, unknown>;
  result: unknown;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface NewJob {
  type: string;
  payload: unknown;
  pipelineId?: string | null;
  dedupeKey?: string | null;
  lockKey?: string | null;
  maxAttempts?: number;
  createdBy?: string | null;
}

const FIELDS: [string, string][] = [
  ['id', 'id'], ['pipeline_id', 'pipelineId'], ['type', 'type'], ['payload', 'payload'], ['state', 'state'],
  ['dedupe_key', 'dedupeKey'], ['lock_key', 'lockKey'], ['attempts', 'attempts'], ['max_attempts', 'maxAttempts'],
  ['lease_owner', 'leaseOwner'], ['lease_token', 'leaseToken'], ['progress', 'progress'], ['result', 'result'],
  ['error', 'error'], ['created_at', 'createdAt'], ['started_at', 'startedAt'], ['finished_at', 'finishedAt'],
];
/** The row as a `JobRow`, optionally qualified by a table alias. */
const columns = (alias = '') => sql.raw(FIELDS.map(([col, key]) => `${alias && `${alias}.`}${col} AS "${key}"`).join(', '));
const COLUMNS = columns();

const rows = async (ex: Executor, query: ReturnType<typeof sql>) => (await ex.execute(query)).rows as unknown as JobRow[];

/**
 * Enqueues a job (inside the caller's transaction when `ex` is one). A queued job with the same dedupe key
 * absorbs it (`merge` gives the payload the queued job keeps). A root job (no `pipelineId`) starts its own
 * pipeline: its pipeline id is its id.
 */
export async function enqueueJob(
  ex: Executor,
  job: NewJob,
  merge?: (queuedPayload: unknown) => unknown,
): Promise<{ id: string; pipelineId: string; merged: boolean }> {
  const id = randomUUID();
  const inserted = await rows(
    ex,
    sql`INSERT INTO data_ingestion_jobs (id, type, payload, pipeline_id, dedupe_key, lock_key, max_attempts, created_by)
        VALUES (${id}, ${job.type}, ${JSON.stringify(job.payload)}::jsonb, ${job.pipelineId ?? id}, ${job.dedupeKey ?? null},
                ${job.lockKey ?? null}, ${job.maxAttempts ?? 3}, ${job.createdBy ?? null})
        ON CONFLICT (dedupe_key) WHERE state = 'queued' DO NOTHING
        RETURNING ${COLUMNS}`,
  );
  if (inserted[0]) return { id: inserted[0].id, pipelineId: inserted[0].pipelineId ?? id, merged: false };
  const existing = await rows(ex, sql`SELECT ${COLUMNS} FROM data_ingestion_jobs WHERE dedupe_key = ${job.dedupeKey ?? null} AND state = 'queued' FOR UPDATE`);
  const twin = existing[0];
  if (!twin) return enqueueJob(ex, job, merge); // the queued twin was claimed meanwhile: insert again
  if (merge) {
    const payload = merge(twin.payload);
    const updated = await ex.execute(
      sql`UPDATE data_ingestion_jobs SET payload = ${JSON.stringify(payload)}::jsonb WHERE id = ${twin.id} AND state = 'queued'`,
    );
    if ((updated.rowCount ?? 0) === 0) return enqueueJob(ex, job, merge);
  }
  return { id: twin.id, pipelineId: twin.pipelineId ?? twin.id, merged: true };
}

/** Claims the oldest due job for `owner` with a fresh lease token; null when nothing is due. */
export async function claimJob(db: Database, owner: string, leaseMs: number): Promise<JobRow | null> {
  const claimed = await rows(
    db,
    sql`WITH next AS (
          SELECT id FROM data_ingestion_jobs
          WHERE state = 'queued' AND run_after <= now()
          ORDER BY created_at, id
          LIMIT 1
          FOR UPDATE SKIP LOCKED)
        UPDATE data_ingestion_jobs j
        SET state = 'running', attempts = j.attempts + 1, lease_owner = ${owner}, lease_token = gen_random_uuid(),
            lease_expires_at = now() + ${leaseMs} * interval '1 millisecond', started_at = coalesce(j.started_at, now())
        FROM next WHERE j.id = next.id
        RETURNING ${columns('j')}`,
  );
  return claimed[0] ?? null;
}

/** Renews the lease; false when the caller no longer holds it (expired and re-queued, or aborted). */
export async function renewLease(db: Database, id: string, token: string, leaseMs: number): Promise<boolean> {
  const r = await db.execute(
    sql`UPDATE data_ingestion_jobs SET lease_expires_at = now() + ${leaseMs} * interval '1 millisecond'
        WHERE id = ${id} AND lease_token = ${token} AND state = 'running'`,
  );
  return (r.rowCount ?? 0) === 1;
}

export async function saveProgress(db: Database, id: string, token: string, progress: Record<string, unknown>): Promise<boolean> {
  const r = await db.execute(
    sql`UPDATE data_ingestion_jobs SET progress = ${JSON.stringify(progress)}::jsonb
        WHERE id = ${id} AND lease_token = ${token} AND state = 'running'`,
  );
  return (r.rowCount ?? 0) === 1;
}

/** Fenced finish: only the current lease holder can complete a job. */
export async function finishJob(
  ex: Executor,
  id: string,
  token: string,
  outcome: { state: 'succeeded' | 'failed'; result?: unknown; error?: string | null },
): Promise<boolean> {
  const r = await ex.execute(
    sql`UPDATE data_ingestion_jobs
        SET state = ${outcome.state}, result = ${outcome.result === undefined ? null : JSON.stringify(outcome.result)}::jsonb,
            error = ${outcome.error ?? null}, finished_at = now(), lease_token = null, lease_expires_at = null
        WHERE id = ${id} AND lease_token = ${token} AND state = 'running'`,
  );
  return (r.rowCount ?? 0) === 1;
}

/** Gives a claimed job back without counting the attempt (e.g. its lock key is busy). */
export async function releaseJob(db: Database, id: string, token: string, delayMs: number): Promise<boolean> {
  const r = await db.execute(
    sql`UPDATE data_ingestion_jobs SET state = 'queued', attempts = attempts - 1, lease_owner = null, lease_token = null,
          lease_expires_at = null, run_after = now() + ${delayMs} * interval '1 millisecond'
        WHERE id = ${id} AND lease_token = ${token} AND state = 'running'`,
  );
  return (r.rowCount ?? 0) === 1;
}

/** Expired leases: re-queued while attempts remain, otherwise failed with a clear message. */
export async function recoverExpiredLeases(db: Database): Promise<{ requeued: number; failed: number }> {
  const r = await rows(
    db,
    sql`UPDATE data_ingestion_jobs
        SET state = CASE WHEN attempts < max_attempts THEN 'queued' ELSE 'failed' END,
            error = CASE WHEN attempts < max_attempts THEN error
                    ELSE 'The job stopped responding ' || attempts || ' time(s) (worker crashed or lost its database connection); giving up.' END,
            finished_at = CASE WHEN attempts < max_attempts THEN NULL ELSE now() END,
            lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL
        WHERE state = 'running' AND lease_expires_at < now()
        RETURNING ${COLUMNS}`,
  );
  return { requeued: r.filter((j) => j.state === 'queued').length, failed: r.filter((j) => j.state === 'failed').length };
}

/** Aborts a queued or running job (a running handler sees it at its next heartbeat). */
export async function abortJob(db: Database, id: string): Promise<JobRow | null> {
  const r = await rows(
    db,
    sql`UPDATE data_ingestion_jobs SET state = 'aborted', finished_at = now(), lease_token = NULL, lease_expires_at = NULL,
          error = coalesce(error, 'Aborted')
        WHERE id = ${id} AND state IN ('queued', 'running') RETURNING ${COLUMNS}`,
  );
  return r[0] ?? null;
}

/** Puts a failed or aborted job back in the queue with a fresh attempt budget. */
export async function retryJob(db: Database, id: string): Promise<JobRow | null> {
  const r = await rows(
    db,
    sql`UPDATE data_ingestion_jobs SET state = 'queued', attempts = 0, error = NULL, result = NULL, finished_at = NULL,
          run_after = now(), lease_owner = NULL
        WHERE id = ${id} AND state IN ('failed', 'aborted') RETURNING ${COLUMNS}`,
  );
  return r[0] ?? null;
}

export async function findJob(ex: Executor, id: string): Promise<JobRow | null> {
  return (await rows(ex, sql`SELECT ${COLUMNS} FROM data_ingestion_jobs WHERE id = ${id}`))[0] ?? null;
}

/**
 * Inside a handler's write transaction: refuses to go on unless the job still runs (an abort that landed
 * meanwhile wins). Check without a lock early, and with `lock` as the last step before COMMIT: a lock held
 * through a long write would block the runner's lease heartbeat (an UPDATE of the same row). A handler called
 * outside the runner (tests) has no job row: nothing to fence.
 */
export async function assertJobRunning(client: pg.ClientBase, jobId: string, options: { lock: boolean }): Promise<void> {
  const { rows } = await client.query<{ state: string }>(`SELECT state FROM data_ingestion_jobs WHERE id = $1::uuid${options.lock ? ' FOR UPDATE' : ''}`, [jobId]);
  if (rows[0] && rows[0].state !== 'running') throw new Error(`the job is ${rows[0].state}: nothing was applied`);
}
