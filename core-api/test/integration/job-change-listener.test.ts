// The LISTEN side of live job events on real PostgreSQL: the trigger of migration 0008 announces changes of a
// job's state, progress and end (not its heartbeat), and JobChangeListener delivers them to the job's subscribers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobChangeListener } from '../../src/jobs/job-change-listener.js';
import { enqueueJob } from '../../src/repositories/job.repository.js';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.js';

let db: MigratedDatabase;
let listener: JobChangeListener;
beforeAll(async () => {
  db = await createMigratedDatabase('core_job_listener');
  listener = new JobChangeListener({ connectionString: db.testDb.url }, undefined, 100);
});
afterAll(async () => db?.dispose());

/** Counts the callbacks of a subscription; `until(n)` waits (at most 2 s) for the n-th. */
function counter(id: string) {
  let calls = 0;
  const waiters: { n: number; done: () => void }[] = [];
  const unsubscribe = listener.subscribe(id, () => {
    calls++;
    waiters.filter((w) => calls >= w.n).forEach((w) => w.done());
  });
  const until = (n: number) =>
    new Promise<void>((resolve, reject) => {
      if (calls >= n) return resolve();
      const timer = setTimeout(() => reject(new Error(`${calls} calls, expected ${n}`)), 2_000);
      waiters.push({ n, done: () => (clearTimeout(timer), resolve()) });
    });
  return { until, unsubscribe, get calls() { return calls; } };
}

const settle = () => new Promise((r) => setTimeout(r, 300));

describe('job change announcements', () => {
  it('when a job’s progress or state changes, then its subscriber is called; a heartbeat or another job does not call it', async () => {
    const { id } = await enqueueJob(db.db, { type: 'test', payload: {} });
    const { id: other } = await enqueueJob(db.db, { type: 'test', payload: {} });
    const c = counter(id);
    await c.until(1); // the look after connecting
    expect(listener.listening).toBe(true);
    const base = c.calls;

    await db.pool.query(`UPDATE data_ingestion_jobs SET progress = '{"phase": "staging", "processed": 10}' WHERE id = $1`, [id]);
    await c.until(base + 1);
    await db.pool.query(`UPDATE data_ingestion_jobs SET lease_expires_at = now() + interval '1 minute' WHERE id = $1`, [id]);
    await db.pool.query(`UPDATE data_ingestion_jobs SET progress = '{"phase": "staging", "processed": 10}' WHERE id = $1`, [id]); // same value
    await db.pool.query(`UPDATE data_ingestion_jobs SET progress = '{"phase": "other"}' WHERE id = $1`, [other]);
    await settle();
    expect(c.calls).toBe(base + 1);

    await db.pool.query(`UPDATE data_ingestion_jobs SET state = 'aborted', finished_at = now() WHERE id = $1`, [id]);
    await c.until(base + 2);
    c.unsubscribe();
    expect(listener.listening).toBe(false);
  });

  it('when the connection is killed, then subscribers look again and announcements resume after the reconnection', async () => {
    const { id } = await enqueueJob(db.db, { type: 'test', payload: {} });
    const c = counter(id);
    await c.until(1);
    await db.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN job_changed%' AND pid <> pg_backend_pid()`);
    await c.until(2); // told to look again (a change may have been missed)
    await c.until(3); // and again once listening anew
    await db.pool.query(`UPDATE data_ingestion_jobs SET progress = '{"phase": "after"}' WHERE id = $1`, [id]);
    await c.until(4);
    c.unsubscribe();
  });
});
