// The job types this core-api runs. Each definition lives beside its service (defineJob) and is listed here.
import type pg from 'pg';
import type { Database } from '../db/client.js';
import { dataImportJob } from '../imports/jobs/data-import.job.js';
import { JobRegistry } from './registry.js';

export function createJobRegistry(deps: { db: Database; pool: pg.Pool }): JobRegistry {
  return new JobRegistry([dataImportJob({ db: deps.db, pool: deps.pool })]);
}
