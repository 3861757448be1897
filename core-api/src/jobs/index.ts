// The job types this core-api runs. Each definition lives beside its service (defineJob) and is listed here.
import type pg from 'pg';
import type { Database } from '../db/client.js';
import { dataImportJob } from '../imports/jobs/data-import.job.js';
import { factorImportJob } from '../imports/jobs/factor-import.job.js';
import { referenceImportJob } from '../imports/jobs/reference-import.job.js';
import { aggregateReportTotalsJob } from '../recalculation/aggregate-report-totals.job.js';
import { recalculateEmissionsJob } from '../recalculation/recalculate-emissions.job.js';
import { JobRegistry } from './registry.js';

export { JOB_PAYLOADS, JOB_TYPES, type JobType } from './job-types.js';

export function createJobRegistry(deps: { db: Database; pool: pg.Pool; openFile?: (fileId: string) => Promise<AsyncIterable<unknown>> }): JobRegistry {
  return new JobRegistry([
    dataImportJob({ db: deps.db, pool: deps.pool, openFile: deps.openFile }),
    factorImportJob({ pool: deps.pool, openFile: deps.openFile }),
    referenceImportJob({ db: deps.db, pool: deps.pool, openFile: deps.openFile }),
    recalculateEmissionsJob({ db: deps.db, pool: deps.pool }),
    aggregateReportTotalsJob({ pool: deps.pool }),
  ]);
}
