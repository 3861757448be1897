import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'aborted'] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * Background jobs run inside core-api (no broker). A job is claimed with `FOR UPDATE SKIP LOCKED`, held by a
 * lease (`lease_token`, `lease_expires_at`) renewed by a heartbeat; only the current lease holder may finish it.
 */
export const dataIngestionJobs = pgTable(
  'data_ingestion_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Jobs of one user action (import → recalculation → aggregation) share a pipeline. */
    pipelineId: uuid('pipeline_id'),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    state: text('state', { enum: JOB_STATES }).notNull().default('queued'),
    /** Queued jobs with the same key are merged (e.g. one pending recalculation per submodule and year). */
    dedupeKey: text('dedupe_key'),
    /** Conflicting jobs (same module and year) never run at the same time: an advisory lock on this key. */
    lockKey: text('lock_key'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    runAfter: timestamp('run_after', { withTimezone: true }).notNull().defaultNow(),
    leaseOwner: text('lease_owner'),
    leaseToken: uuid('lease_token'),
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
    progress: jsonb('progress').notNull().default(sql`'{}'::jsonb`),
    result: jsonb('result'),
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('data_ingestion_jobs_due_idx').on(t.runAfter).where(sql`${t.state} = 'queued'`),
    index('data_ingestion_jobs_lease_idx').on(t.leaseExpiresAt).where(sql`${t.state} = 'running'`),
    index('data_ingestion_jobs_pipeline_idx').on(t.pipelineId),
    uniqueIndex('data_ingestion_jobs_queued_dedupe_idx').on(t.dedupeKey).where(sql`${t.state} = 'queued'`),
    check('data_ingestion_jobs_attempts', sql`${t.attempts} >= 0 and ${t.maxAttempts} >= 1`),
  ],
);

/**
 * The job runners alive (one per core-api process): version, start, last heartbeat. A runner registers when it
 * starts, beats on every poll and removes itself when it stops; the operations page lists them.
 */
export const jobWorkers = pgTable('job_workers', {
  owner: text('owner').primaryKey(),
  version: text('version').notNull(),
  hostname: text('hostname').notNull(),
  pid: integer('pid').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
});
