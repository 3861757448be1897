// In-process job runner: claims due jobs (SKIP LOCKED), keeps their lease alive with a heartbeat, serialises
// conflicting jobs with advisory locks, and finishes them fenced by the lease token. A poller (every 10 s by
// default) is the safety net: it recovers expired leases and picks up jobs other replicas wrote.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type pg from 'pg';
import type { Database } from '../db/client.js';
import { claimJob, finishJob, recoverExpiredLeases, releaseJob, renewLease, saveProgress, type JobRow } from '../repositories/job.repository.js';
import { enqueueJob } from '../repositories/job.repository.js';
import { createWorkerRepository } from '../repositories/worker.repository.js';
import { lockLevels } from './lock-keys.js';
import type { ChainedJob, JobRegistry } from './registry.js';

export interface JobRunnerOptions {
  db: Database;
  pool: pg.Pool;
  registry: JobRegistry;
  logger: Logger;
  owner?: string;
  pollIntervalMs?: number;
  leaseMs?: number;
  concurrency?: number;
  /** Minimum time between two progress writes of one job (the SSE stream sends at most 4 a second). */
  progressIntervalMs?: number;
  /** The version of this process, shown on the operations page (mixed versions are flagged there). */
  version?: string;
}

export class JobRunner {
  readonly owner: string;
  private readonly leaseMs: number;
  private readonly active = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private again = false;
  private stopped = true;

  private readonly workers: ReturnType<typeof createWorkerRepository>;

  constructor(private readonly o: JobRunnerOptions) {
    this.workers = createWorkerRepository(o.db);
    this.owner = o.owner ?? `core-api-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.leaseMs = o.leaseMs ?? 30_000;
  }

  start(): void {
    this.stopped = false;
    // The operations page lists the runners alive; failing to register never stops jobs from running.
    void this.workers.register({ owner: this.owner, version: this.o.version ?? 'unknown', hostname: hostname(), pid: process.pid }).catch((err) => this.o.logger.warn({ err }, 'worker registration failed'));
    this.timer = setInterval(() => this.kick(), this.o.pollIntervalMs ?? 10_000);
    this.timer.unref();
    this.kick();
  }

  /** Looks for due work now (called after a job is enqueued by this process). */
  kick(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = true;
    void this.tick()
      .catch((err) => this.o.logger.error({ err }, 'job runner tick failed'))
      .finally(() => {
        this.ticking = false;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Stops claiming and waits for running jobs. */
  async stop(): Promise<void> {
    const wasRunning = !this.stopped;
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.allSettled([...this.active]);
    if (wasRunning) await this.workers.remove(this.owner).catch((err) => this.o.logger.warn({ err }, 'worker removal failed'));
  }

  /** Resolves when nothing runs (tests). */
  async idle(): Promise<void> {
    while (this.active.size || this.ticking) await Promise.allSettled([...this.active, new Promise((r) => setTimeout(r, 10))]);
  }

  private async tick(): Promise<void> {
    await this.workers.beat(this.owner).catch((err) => this.o.logger.warn({ err }, 'worker heartbeat failed'));
    await recoverExpiredLeases(this.o.db);
    while (!this.stopped && this.active.size < (this.o.concurrency ?? 1)) {
      const job = await claimJob(this.o.db, this.owner, this.leaseMs);
      if (!job) return;
      const run = this.run(job).finally(() => {
        this.active.delete(run);
        this.kick();
      });
      this.active.add(run);
    }
  }

  private async run(job: JobRow): Promise<void> {
    const { db, logger } = this.o;
    const token = job.leaseToken!;
    const definition = this.o.registry.get(job.type);
    if (!definition) {
      await finishJob(db, job.id, token, { state: 'failed', error: `Unknown job type "${job.type}"` });
      return;
    }
    const payload = definition.payload.safeParse(job.payload);
    if (!payload.success) {
      await finishJob(db, job.id, token, { state: 'failed', error: `Invalid payload: ${payload.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` });
      return;
    }
    const lock = job.lockKey ? await this.tryLock(job.lockKey) : null;
    if (lock === false) {
      await releaseJob(db, job.id, token, 500); // a conflicting job runs: try again shortly
      return;
    }
    const controller = new AbortController();
    const heartbeat = setInterval(() => {
      void renewLease(db, job.id, token, this.leaseMs)
        .then((held) => held || controller.abort(new Error('lease lost')))
        .catch((err) => logger.warn({ err, jobId: job.id }, 'heartbeat failed'));
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    const progress = this.progressWriter(job.id, token);
    const children: ChainedJob[] = [];
    try {
      const result = await definition.handler(payload.data, {
        jobId: job.id,
        pipelineId: job.pipelineId,
        attempt: job.attempts,
        signal: controller.signal,
        progress: progress.update,
        chain: (child) => void children.push(child),
      });
      await progress.flush();
      const finished = await this.finishWithChildren(job, token, result, children);
      if (!finished) logger.warn({ jobId: job.id }, 'job finished after losing its lease; its result was discarded');
    } catch (err) {
      await progress.flush();
      const message = err instanceof Error ? err.message : String(err);
      logger.error({ err, jobId: job.id, type: job.type }, 'job failed');
      await finishJob(db, job.id, token, { state: 'failed', error: message });
    } finally {
      clearInterval(heartbeat);
      lock?.release();
    }
  }

  /**
   * The fenced finish and the chained children in ONE transaction: when the lease is gone (aborted, expired and
   * taken over) the finish updates nothing and the transaction is rolled back, so no child is written.
   * Children inherit the pipeline (a root job's pipeline id is its own id).
   */
  private async finishWithChildren(job: JobRow, token: string, result: unknown, children: ChainedJob[]): Promise<boolean> {
    if (children.length === 0) return finishJob(this.o.db, job.id, token, { state: 'succeeded', result });
    const lost = new Error('lease lost');
    try {
      return await this.o.db.transaction(async (tx) => {
        if (!(await finishJob(tx, job.id, token, { state: 'succeeded', result }))) throw lost;
        for (const child of children) {
          const definition = this.o.registry.get(child.type);
          const parsed = definition ? definition.payload.parse(child.payload) : child.payload;
          await enqueueJob(
            tx,
            {
              type: child.type,
              payload: parsed,
              pipelineId: job.pipelineId ?? job.id,
              dedupeKey: child.dedupeKey !== undefined ? child.dedupeKey : (definition?.dedupeKey?.(parsed) ?? null),
              lockKey: child.lockKey !== undefined ? child.lockKey : (definition?.lockKey?.(parsed) ?? null),
              maxAttempts: child.maxAttempts,
            },
            definition?.mergePayload && ((queued) => definition.mergePayload!(definition.payload.parse(queued), parsed)),
          );
        }
        return true;
      });
    } catch (err) {
      if (err === lost) return false;
      throw err;
    }
  }

  /**
   * Progress writes of one job: at most one per interval, in order, and the latest update is never dropped
   * (a trailing write follows the interval; `flush` persists what is pending before the job finishes).
   */
  private progressWriter(jobId: string, token: string) {
    const interval = this.o.progressIntervalMs ?? 250;
    let pending: Record<string, unknown> | null = null;
    let lastWrite = 0;
    let timer: NodeJS.Timeout | undefined;
    let chain: Promise<void> = Promise.resolve();
    const flush = (): Promise<void> => {
      clearTimeout(timer);
      timer = undefined;
      if (pending) {
        const update = pending;
        pending = null;
        lastWrite = Date.now();
        chain = chain.then(() => saveProgress(this.o.db, jobId, token, update)).then(
          () => undefined,
          (err: unknown) => this.o.logger.warn({ err, jobId }, 'progress write failed'),
        );
      }
      return chain;
    };
    const update = (next: Record<string, unknown>) => {
      pending = next;
      const wait = interval - (Date.now() - lastWrite);
      if (wait <= 0) void flush();
      else timer ??= setTimeout(() => void flush(), wait);
    };
    return { update, flush };
  }

  /**
   * Session advisory locks on a dedicated connection, held while the job runs; false when one is taken.
   * Keys are hierarchical on `:`: `year:2025:module:buildings` takes SHARED locks on `year`, `year:2025`, … and an
   * EXCLUSIVE lock on itself. Two keys therefore conflict when one is a prefix of the other (a per-year job
   * excludes every module job of that year; two modules of one year run side by side).
   */
  private async tryLock(key: string): Promise<{ release(): void } | false> {
    const levels = lockLevels(key);
    const client = await this.o.pool.connect();
    const taken: string[] = [];
    const unlockAll = async () => {
      for (const [i, level] of taken.entries()) {
        const fn = i === levels.length - 1 ? 'pg_advisory_unlock' : 'pg_advisory_unlock_shared';
        await client.query(`SELECT ${fn}(hashtextextended($1, 0))`, [level]);
      }
    };
    try {
      for (const [i, level] of levels.entries()) {
        const fn = i === levels.length - 1 ? 'pg_try_advisory_lock' : 'pg_try_advisory_lock_shared';
        const { rows } = await client.query<{ locked: boolean }>(`SELECT ${fn}(hashtextextended($1, 0)) AS locked`, [level]);
        if (!rows[0]?.locked) {
          await unlockAll();
          client.release();
          return false;
        }
        taken.push(level);
      }
    } catch (err) {
      client.release(err as Error);
      throw err;
    }
    return {
      release: () => {
        unlockAll().then(() => client.release(), (err: Error) => client.release(err));
      },
    };
  }
}
