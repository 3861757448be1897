// The job types this core-api runs and their payload schemas, for the HTTP layer that enqueues them.
import { aggregateReportTotalsPayload, AGGREGATE_REPORT_TOTALS_JOB } from '../recalculation/aggregate-report-totals.job.js';
import { recalculateEmissionsPayload, RECALCULATE_EMISSIONS_JOB } from '../recalculation/recalculate-emissions.job.js';
import { dataImportPayload, DATA_IMPORT_JOB } from '../imports/jobs/data-import.job.js';
import { factorImportPayload, FACTOR_IMPORT_JOB } from '../imports/jobs/factor-import.job.js';
import { REFERENCE_IMPORT_JOB } from '../imports/jobs/reference-import.job.js';
import { referenceImportPayload } from '../imports/reference/payload.js';

export const JOB_TYPES = [DATA_IMPORT_JOB, FACTOR_IMPORT_JOB, REFERENCE_IMPORT_JOB, RECALCULATE_EMISSIONS_JOB, AGGREGATE_REPORT_TOTALS_JOB] as const;
export type JobType = (typeof JOB_TYPES)[number];

/** Payload schema per job type (parse before enqueueing: defaults such as `dryRun: false` are filled in). */
export const JOB_PAYLOADS = {
  [DATA_IMPORT_JOB]: dataImportPayload,
  [FACTOR_IMPORT_JOB]: factorImportPayload,
  [REFERENCE_IMPORT_JOB]: referenceImportPayload,
  [RECALCULATE_EMISSIONS_JOB]: recalculateEmissionsPayload,
  [AGGREGATE_REPORT_TOTALS_JOB]: aggregateReportTotalsPayload,
} as const;

export { DATA_IMPORT_JOB, FACTOR_IMPORT_JOB, REFERENCE_IMPORT_JOB, RECALCULATE_EMISSIONS_JOB, AGGREGATE_REPORT_TOTALS_JOB };
