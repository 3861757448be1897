// The job runners alive: each core-api process registers its runner, beats on every poll, leaves when it stops.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';

export interface WorkerIdentity {
  owner: string;
  version: string;
  hostname: string;
  pid: number;
}

export interface WorkerRow extends WorkerIdentity {
  startedAt: string;
  heartbeatAgeSeconds: number;
  jobsHeld: number;
}

/** Rows of runners silent for this long are removed when a runner registers (a process that died without leaving). */
const FORGET_AFTER = '1 day';

export function createWorkerRepository(db: Database) {
  return {
    async register(w: WorkerIdentity): Promise<void> {
      await db.execute(sql`DELETE FROM job_workers WHERE heartbeat_at < now() - ${FORGET_AFTER}::interval`);
      await db.execute(sql`
        INSERT INTO job_workers (owner, version, hostname, pid) VALUES (${w.owner}, ${w.version}, ${w.hostname}, ${w.pid})
        ON CONFLICT (owner) DO UPDATE SET version = excluded.version, heartbeat_at = now()`);
    },
    async beat(owner: string): Promise<void> {
      await db.execute(sql`UPDATE job_workers SET heartbeat_at = now() WHERE owner = ${owner}`);
    },
    async remove(owner: string): Promise<void> {
      await db.execute(sql`DELETE FROM job_workers WHERE owner = ${owner}`);
    },
    /** Every registered runner, newest first, with the running jobs whose lease it holds. */
    async list(): Promise<WorkerRow[]> {
      const result = await db.execute(sql`
        SELECT w.owner, w.version, w.hostname, w.pid, w.started_at AS "startedAt",
               extract(epoch FROM now() - w.heartbeat_at)::float8 AS "heartbeatAgeSeconds",
               (SELECT count(*) FROM data_ingestion_jobs j WHERE j.lease_owner = w.owner AND j.state = 'running')::int AS "jobsHeld"
        FROM job_workers w ORDER BY w.started_at DESC, w.owner`);
      return (result.rows as unknown as (Omit<WorkerRow, 'startedAt'> & { startedAt: Date | string })[]).map((r) => ({
        ...r,
        startedAt: new Date(r.startedAt).toISOString(),
      }));
    },
  };
}
export type WorkerRepository = ReturnType<typeof createWorkerRepository>;
