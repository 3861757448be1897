// The in-process job queue on real PostgreSQL: SKIP LOCKED claims, leases, fencing, dedupe, abort/retry,
// advisory-lock serialisation and two runners sharing one database.
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { defineJob, JobRegistry } from '../../src/jobs/registry.js';
import { JobRunner } from '../../src/jobs/runner.js';
import {
  abortJob,
  claimJob,
  enqueueJob,
  findJob,
  finishJob,
  recoverExpiredLeases,
  renewLease,
  retryJob,
} from '../../src/repositories/job.repository.js';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.js';

const logger = pino({ level: 'silent' });
let db: MigratedDatabase;
beforeAll(async () => {
  db = await createMigratedDatabase('core_jobs');
});
afterAll(async () => db?.dispose());
beforeEach(async () => {
  await db.pool.query('TRUNCATE data_ingestion_jobs');
});

const enqueueMany = (n: number, type = 'noop') =>
  Promise.all(Array.from({ length: n }, (_, i) => enqueueJob(db.db, { type, payload: { i } })));

describe('claims', () => {
  it('when four workers claim concurrently, then no job is handed out twice', async () => {
    await enqueueMany(100);
    const pools: DatabaseHandle[] = Array.from({ length: 4 }, () => createDatabase(db.testDb.url, { onPoolError: () => {}, max: 2 }));
    try {
      const claimed = await Promise.all(
        pools.map(async (p, w) => {
          const ids: string[] = [];
          for (let job = await claimJob(p.db, `w${w}`, 60_000); job; job = await claimJob(p.db, `w${w}`, 60_000)) ids.push(job.id);
          return ids;
        }),
      );
      const all = claimed.flat();
      expect(all).toHaveLength(100);
      expect(new Set(all).size).toBe(100);
      expect(claimed.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
  });
});

describe('leases', () => {
  it('when a lease expires, then the job is re-queued while attempts remain, then failed with a clear message', async () => {
    const { id } = await enqueueJob(db.db, { type: 'noop', payload: {}, maxAttempts: 2 });
    await claimJob(db.db, 'a', 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(await recoverExpiredLeases(db.db)).toEqual({ requeued: 1, failed: 0 });
    expect((await findJob(db.db, id))?.state).toBe('queued');

    await claimJob(db.db, 'b', 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(await recoverExpiredLeases(db.db)).toEqual({ requeued: 0, failed: 1 });
    const failed = await findJob(db.db, id);
    expect(failed?.state).toBe('failed');
    expect(failed?.error).toMatch(/stopped responding 2 time/);
  });

  it('when a stale holder tries to finish or renew, then it is refused and the current holder finishes', async () => {
    const { id } = await enqueueJob(db.db, { type: 'noop', payload: {} });
    const first = await claimJob(db.db, 'stale', 1);
    await new Promise((r) => setTimeout(r, 20));
    await recoverExpiredLeases(db.db);
    const second = await claimJob(db.db, 'current', 60_000);
    expect(second?.id).toBe(id);
    expect(await renewLease(db.db, id, first!.leaseToken!, 60_000)).toBe(false);
    expect(await finishJob(db.db, id, first!.leaseToken!, { state: 'succeeded' })).toBe(false);
    expect(await finishJob(db.db, id, second!.leaseToken!, { state: 'succeeded', result: { rows: 3 } })).toBe(true);
    expect(await findJob(db.db, id)).toMatchObject({ state: 'succeeded', result: { rows: 3 }, leaseOwner: 'current' });
  });
});

describe('dedupe, abort and retry', () => {
  it('when the same recalculation is queued twice, then the second merges into the first', async () => {
    const a = await enqueueJob(db.db, { type: 'recalc', payload: {}, dedupeKey: 'recalc:plane:2025' });
    const b = await enqueueJob(db.db, { type: 'recalc', payload: {}, dedupeKey: 'recalc:plane:2025' });
    expect(b).toMatchObject({ id: a.id, merged: true });
    await claimJob(db.db, 'w', 60_000); // running now: a new request must queue a fresh run
    const c = await enqueueJob(db.db, { type: 'recalc', payload: {}, dedupeKey: 'recalc:plane:2025' });
    expect(c.merged).toBe(false);
    expect(c.id).not.toBe(a.id);
  });

  it('when a queued job is aborted, then nobody claims it; retry puts it back with a fresh budget', async () => {
    const { id } = await enqueueJob(db.db, { type: 'noop', payload: {} });
    expect((await abortJob(db.db, id))?.state).toBe('aborted');
    expect(await claimJob(db.db, 'w', 60_000)).toBeNull();
    expect(await retryJob(db.db, id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect((await claimJob(db.db, 'w', 60_000))?.id).toBe(id);
  });
});

describe('runner', () => {
  it('when two runners share the database, then each of 50 jobs runs exactly once', async () => {
    const runs = new Map<number, number>();
    const registry = new JobRegistry([
      defineJob({
        type: 'count',
        payload: z.object({ i: z.number() }),
        handler: async ({ i }) => {
          runs.set(i, (runs.get(i) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, 2));
          return { i };
        },
      }),
    ]);
    await enqueueMany(50, 'count');
    const second = createDatabase(db.testDb.url, { onPoolError: () => {}, max: 4 });
    const runners = [db, second].map((h, n) => new JobRunner({ db: h.db, pool: h.pool, registry, logger, owner: `r${n}`, concurrency: 2, pollIntervalMs: 60_000 }));
    try {
      runners.forEach((r) => r.start());
      await expect.poll(async () => (await db.pool.query("SELECT count(*)::int AS n FROM data_ingestion_jobs WHERE state = 'succeeded'")).rows[0].n, { timeout: 20_000 }).toBe(50);
      await Promise.all(runners.map((r) => r.idle()));
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
      await second.close();
    }
    expect([...runs.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    const owners = await db.pool.query('SELECT DISTINCT lease_owner FROM data_ingestion_jobs');
    expect(owners.rowCount).toBe(2);
  });

  it('when two jobs share a lock key, then they never run at the same time', async () => {
    const spans: [number, number][] = [];
    const registry = new JobRegistry([
      defineJob({
        type: 'recalc',
        payload: z.object({ n: z.number() }),
        lockKey: () => 'buildings:2025',
        handler: async () => {
          const start = Date.now();
          await new Promise((r) => setTimeout(r, 150));
          spans.push([start, Date.now()]);
        },
      }),
    ]);
    await enqueueJob(db.db, { type: 'recalc', payload: { n: 1 }, lockKey: 'buildings:2025' });
    await enqueueJob(db.db, { type: 'recalc', payload: { n: 2 }, lockKey: 'buildings:2025' });
    const runner = new JobRunner({ db: db.db, pool: db.pool, registry, logger, concurrency: 2, pollIntervalMs: 100 });
    runner.start();
    try {
      await expect.poll(() => spans.length, { timeout: 10_000 }).toBe(2);
    } finally {
      await runner.stop();
    }
    const [a, b] = spans.sort((x, y) => x[0] - y[0]);
    expect(b![0]).toBeGreaterThanOrEqual(a![1]);
  });

  it('when a running job is aborted, then its handler is told to stop and the job stays aborted', async () => {
    let sawAbort = false;
    const registry = new JobRegistry([
      defineJob({
        type: 'long',
        payload: z.object({}),
        handler: async (_p, ctx) => {
          await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
          sawAbort = ctx.signal.aborted;
        },
      }),
    ]);
    const { id } = await enqueueJob(db.db, { type: 'long', payload: {} });
    const runner = new JobRunner({ db: db.db, pool: db.pool, registry, logger, leaseMs: 300, pollIntervalMs: 60_000 });
    runner.start();
    try {
      await expect.poll(async () => (await findJob(db.db, id))?.state, { timeout: 5_000 }).toBe('running');
      await abortJob(db.db, id);
      await expect.poll(() => sawAbort, { timeout: 5_000 }).toBe(true);
    } finally {
      await runner.stop();
    }
    expect((await findJob(db.db, id))?.state).toBe('aborted');
  });

  it('when a payload does not match the schema, then the job fails with the offending field', async () => {
    const registry = new JobRegistry([defineJob({ type: 'typed', payload: z.object({ year: z.number() }), handler: async () => null })]);
    const { id } = await enqueueJob(db.db, { type: 'typed', payload: { year: 'x' } });
    const runner = new JobRunner({ db: db.db, pool: db.pool, registry, logger, pollIntervalMs: 60_000 });
    runner.start();
    try {
      await expect.poll(async () => (await findJob(db.db, id))?.state, { timeout: 5_000 }).toBe('failed');
    } finally {
      await runner.stop();
    }
    expect((await findJob(db.db, id))?.error).toMatch(/year/);
  });

  it('when a handler reports progress faster than the write interval, then the last update is the one stored', async () => {
    const registry = new JobRegistry([
      defineJob({
        type: 'chatty',
        payload: z.object({}),
        handler: async (_p, ctx) => {
          for (let rows = 1; rows <= 50; rows++) ctx.progress({ phase: rows < 50 ? 'reading' : 'applying', rows });
        },
      }),
    ]);
    const { id } = await enqueueJob(db.db, { type: 'chatty', payload: {} });
    const runner = new JobRunner({ db: db.db, pool: db.pool, registry, logger, pollIntervalMs: 60_000, progressIntervalMs: 1_000 });
    runner.start();
    try {
      await expect.poll(async () => (await findJob(db.db, id))?.state, { timeout: 5_000 }).toBe('succeeded');
    } finally {
      await runner.stop();
    }
    expect((await findJob(db.db, id))?.progress).toEqual({ phase: 'applying', rows: 50 });
  });
});

