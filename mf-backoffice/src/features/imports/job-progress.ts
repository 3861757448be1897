import { isTerminalJobState, type Job, type JobOutcome } from '@co2/contracts';

/** Percentage 0–100 of an upload, or null when the browser does not know the total. */
export function uploadPercent(loaded: number, total: number | null): number | null {
  return total ? clamp((loaded / total) * 100) : null;
}

const clamp = (n: number) => Math.round(Math.min(100, Math.max(0, n)));

// Job semantics come with the contract (core-api owns them); the remote adds its presentation.
export { canAbortJob as canAbort, canRetryJob as canRetry, jobOutcome as displayState, jobPercent, type JobOutcome as DisplayState } from '@co2/contracts';
export const isFinished = (job: Pick<Job, 'state'>) => isTerminalJobState(job.state);

/** Quasar colour of a state chip (text says the state too: colour is never the only cue). */
export function stateColor(state: JobOutcome): string {
  switch (state) {
    case 'queued':
      return 'grey-7';
    case 'running':
      return 'primary';
    case 'succeeded':
      return 'positive';
    case 'warning':
      return 'warning';
    case 'rejected':
    case 'failed':
      return 'negative';
    case 'aborted':
      return 'orange-9';
  }
}

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

/** One table row per problem of a rejected (or noticed) CSV row. */
export interface IssueRow {
  key: string;
  line: number;
  column: string;
  message: string;
}

export function issueRows(rows: readonly { line: number; issues: readonly { column?: string | undefined; message: string }[] }[]): IssueRow[] {
  return rows.flatMap((row) =>
    (row.issues.length ? row.issues : [{ message: '' }]).map((issue, i) => ({ key: `${row.line}-${i}`, line: row.line, column: issue.column ?? '—', message: issue.message })),
  );
}
