import { isTerminalJobState, type Job } from '@co2/contracts';

// Job semantics come with the contract (core-api owns them), upload progress with the sdk; the remote adds its presentation.
export { reportIssueRows as issueRows, type ReportIssueRow as IssueRow } from '@co2/contracts';
export { uploadPercent } from '@co2/shell-sdk';
export { canAbortJob as canAbort, canRetryJob as canRetry, jobOutcome as displayState, jobPercent, type JobOutcome as DisplayState } from '@co2/contracts';
export const isFinished = (job: Pick<Job, 'state'>) => isTerminalJobState(job.state);

const KNOWN_TYPES = ['data-import', 'factor-import', 'reference-import', 'recalculate-emissions', 'aggregate-report-totals'];
const KNOWN_PHASES = ['validating', 'staging', 'applying', 'recalculating', 'aggregating'];

/** Message key of a job type; unknown types show their raw name (`null`). */
export function jobTypeKey(type: string): string | null {
  return KNOWN_TYPES.includes(type) ? `imports.jobType.${camel(type)}` : null;
}

export function phaseKey(phase: string | undefined): string | null {
  return phase && KNOWN_PHASES.includes(phase) ? `imports.phase.${phase}` : null;
}

export const camel = (id: string) => id.replace(/[-/]([a-z])/g, (_, c: string) => c.toUpperCase());

