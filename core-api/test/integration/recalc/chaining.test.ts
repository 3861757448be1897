// Pipelines in the JobRunner on real PostgreSQL: children are written with the fenced successful finish of their
// parent (never when it fails, is aborted or lost its lease), inherit its pipeline, and queued twins merge.
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lockLevels } from '../../../src/jobs/lock-keys.js';
import { defineJob, JobRegistry, type JobContext } from '../../../src/jobs/registry.js';
import { JobRunner } from '../../../src/jobs/runner.js';
import { abortJob, enqueueJob, findJob, recoverExpiredLeases } from '../../../src/repositories/job.repository.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.js';

const logger = pino({ level: 'silent' });
let db: MigratedDatabase;
beforeAll(async () => {
  db = await createMigratedDatabase('core_chaining');
});
afterAll(async () => db?.dispose());
beforeEach(async () => {
  await db.pool.query('TRUNCATE data_ingestion_jobs');
});

interface JobLine {
  id: string;
  type: string;
  state: string;
  pipeline_id: string;
  payload: Record<string, unknown>;
}
const jobs = async () =>
  (await db.pool.query<JobLine>('SELECT id, type, state, pipeline_id, payload FROM data_ingestion_jobs ORDER BY created_at, type')).rows;

/** A parent that chains two children, then behaves as `outcome` says; a child type that does nothing. */
function registry(behaviour: (ctx: JobContext) => Promise<void>) {
  const seen: string[] = [];
  const r = new JobRegistry([
    defineJob({
      type: 'parent',
      payload: z.object({ n: z.number() }),
      handler: async ({ n }, ctx) => {
        ctx.chain({ type: 'child', payload: { of: n, part: 'a' } });
        ctx.chain({ type: 'child', payload: { of: n, part: 'b' } });
        await behaviour(ctx);
        return { n };
      },
    }),
    defineJob({
      type: 'child',
      payload: z.object({ of: z.number(), part: z.string(), ids: z.array(z.number()).default([]) }),
      dedupeKey: (p) => `child:${p.part}`,
      lockKey: (p) => `year:2025:module:${p.part}`,
      mergePayload: (queued, incoming) => ({ ...queued, ids: [...new Set([...queued.ids, ...incoming.ids])].sort() }),
      handler: async (p) => void seen.push(`${p.of}${p.part}`),
    }),
  ]);
  return { registry: r, seen };
}

async function runOnce(reg: JobRegistry, until: () => Promise<boolean>, leaseMs = 30_000) {
  const runner = new JobRunner({ db: db.db, pool: db.pool, registry: reg, logger, pollIntervalMs: 30, leaseMs });
  runner.start();
  try {
    await expect.poll(until, { timeout: 10_000 }).toBe(true);
    await runner.idle();
  } finally {
    await runner.stop();
  }
}

describe('chaining', () => {
  it('when the parent succeeds, then its children run in the pipeline, which is the root job’s id', async () => {
    const { registry: reg, seen } = registry(async () => undefined);
    const root = await enqueueJob(db.db, { type: 'parent', payload: { n: 1 } });
    expect(root.pipelineId).toBe(root.id);
    await runOnce(reg, async () => (await jobs()).filter((j) => j.state === 'succeeded').length === 3);
    const all = await jobs();
    expect(all.map((j) => [j.type, j.state, j.pipeline_id])).toEqual([
      ['parent', 'succeeded', root.id],
      ['child', 'succeeded', root.id],
      ['child', 'succeeded', root.id],
    ]);
    expect(seen.sort()).toEqual(['1a', '1b']);
    // The children got their dedupe and lock keys from their definition.
    const keys = await db.pool.query(`SELECT dedupe_key, lock_key FROM data_ingestion_jobs WHERE type = 'child' ORDER BY dedupe_key`);
    expect(keys.rows).toEqual([
      { dedupe_key: 'child:a', lock_key: 'year:2025:module:a' },
      { dedupe_key: 'child:b', lock_key: 'year:2025:module:b' },
    ]);
  });

  it('when an enqueuer gives a pipeline id, then the job keeps it', async () => {
    const pipelineId = '6f1d7c2e-2b4a-4c1e-9d7a-0a1b2c3d4e5f';
    expect((await enqueueJob(db.db, { type: 'parent', payload: { n: 1 }, pipelineId })).pipelineId).toBe(pipelineId);
  });

  it('when the parent fails after chaining, then no child is written', async () => {
    const { registry: reg } = registry(async () => {
      throw new Error('boom');
    });
    await enqueueJob(db.db, { type: 'parent', payload: { n: 2 } });
    await runOnce(reg, async () => (await jobs())[0]?.state === 'failed');
    expect((await jobs()).map((j) => [j.type, j.state])).toEqual([['parent', 'failed']]);
  });

  it('when the parent is aborted while it runs, then it stays aborted and no child is written', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { registry: reg } = registry(() => gate);
    const { id } = await enqueueJob(db.db, { type: 'parent', payload: { n: 3 } });
    const runner = new JobRunner({ db: db.db, pool: db.pool, registry: reg, logger, pollIntervalMs: 30 });
    runner.start();
    try {
      await expect.poll(async () => (await findJob(db.db, id))?.state, { timeout: 5_000 }).toBe('running');
      await abortJob(db.db, id);
      release(); // the handler returns normally: the fenced finish must refuse, and with it the children
      await runner.idle();
    } finally {
      await runner.stop();
    }
    expect((await jobs()).map((j) => [j.type, j.state])).toEqual([['parent', 'aborted']]);
  });

  it('when the parent lost its lease to another worker, then its late finish writes no child', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { registry: reg } = registry(() => gate);
    const { id } = await enqueueJob(db.db, { type: 'parent', payload: { n: 4 }, maxAttempts: 1 });
    const runner = new JobRunner({ db: db.db, pool: db.pool, registry: reg, logger, pollIntervalMs: 60_000, leaseMs: 60_000 });
    runner.start();
    try {
      await expect.poll(async () => (await findJob(db.db, id))?.state, { timeout: 5_000 }).toBe('running');
      // The lease expires (as if the worker had frozen) and the sweep fails the job: attempts are used up.
      await db.pool.query(`UPDATE data_ingestion_jobs SET lease_expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
      expect(await recoverExpiredLeases(db.db)).toEqual({ requeued: 0, failed: 1 });
      release();
      await runner.idle();
    } finally {
      await runner.stop();
    }
    expect((await jobs()).map((j) => [j.type, j.state])).toEqual([['parent', 'failed']]);
  });

  it('when a child with the same dedupe key is already queued, then it merges into it (payloads merged)', async () => {
    const { registry: reg } = registry(async () => undefined);
    const queued = await enqueueJob(db.db, { type: 'child', payload: { of: 0, part: 'a', ids: [1] }, dedupeKey: 'child:a', lockKey: 'year:2025:module:a' });
    // A conflicting lock held elsewhere keeps the queued twin waiting while the parent finishes.
    const holder = await db.pool.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock_shared(hashtextextended('year:2025', 0))`);
      await holder.query(`SELECT pg_advisory_lock(hashtextextended('year:2025:module:a', 0))`);
      await holder.query(`SELECT pg_advisory_lock(hashtextextended('year:2025:module:b', 0))`);
      await db.pool.query(`UPDATE data_ingestion_jobs SET payload = jsonb_set(payload, '{ids}', '[1, 7]') WHERE id = $1`, [queued.id]);
      const parent = await enqueueJob(db.db, { type: 'parent', payload: { n: 5 } });
      await runOnce(reg, async () => (await findJob(db.db, parent.id))?.state === 'succeeded');
      const children = (await jobs()).filter((j) => j.type === 'child');
      expect(children.map((j) => [j.payload.part, j.state])).toEqual([
        ['a', 'queued'],
        ['b', 'queued'],
      ]);
      expect(children[0]?.id).toBe(queued.id); // merged: the queued twin absorbed the parent's child "a"
      expect(children[0]?.payload).toMatchObject({ of: 0, ids: [1, 7] });
    } finally {
      holder.release(true);
    }
  });
});

describe('lock keys', () => {
  it('are hierarchical: shared on every prefix, exclusive on the key', () => {
    expect(lockLevels('year:2025:module:buildings')).toEqual(['year', 'year:2025', 'year:2025:module', 'year:2025:module:buildings']);
    expect(lockLevels('k')).toEqual(['k']);
  });

  it('when a per-year job holds its year, then a module job of that year waits, and one of another year runs', async () => {
    const ran: string[] = [];
    const reg = new JobRegistry([defineJob({ type: 'scoped', payload: z.object({ key: z.string() }), handler: async ({ key }) => void ran.push(key) })]);
    const holder = await db.pool.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock_shared(hashtextextended('year', 0))`);
      await holder.query(`SELECT pg_advisory_lock(hashtextextended('year:2025', 0))`);
      await enqueueJob(db.db, { type: 'scoped', payload: { key: 'year:2025:module:buildings' }, lockKey: 'year:2025:module:buildings' });
      await enqueueJob(db.db, { type: 'scoped', payload: { key: 'year:2024:module:buildings' }, lockKey: 'year:2024:module:buildings' });
      await runOnce(reg, async () => ran.includes('year:2024:module:buildings'));
      expect(ran).toEqual(['year:2024:module:buildings']);
    } finally {
      holder.release(true);
    }
  });
});
