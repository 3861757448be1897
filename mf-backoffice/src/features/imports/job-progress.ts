import { isTerminalJobState, type Job, type JobState } from '@co2/contracts';

/** Percentage 0–100 of a job, or null while it cannot be known (indeterminate bar). */
export function jobPercent(job: Pick<Job, 'state' | 'progress'>): number | null {
  if (job.state === 'succeeded') return 100;
  const { percent, bytesRead, bytesTotal } = job.progress;
  if (percent !== undefined) return clamp(percent);
  if (bytesRead !== undefined && bytesTotal) return clamp((bytesRead / bytesTotal) * 100);
  return null;
}

/** Percentage 0–100 of an upload, or null when the browser does not know the total. */
export function uploadPercent(loaded: number, total: number | null): number | null {
  return total ? clamp((loaded / total) * 100) : null;
}

const clamp = (n: number) => Math.round(Math.min(100, Math.max(0, n)));

export const canAbort = (state: JobState) => state === 'queued' || state === 'running';
export const canRetry = (state: JobState) => state === 'failed' || state === 'aborted';
export const isFinished = (job: Pick<Job, 'state'>) => isTerminalJobState(job.state);

/** A job's state as the user reads it: an import that ran but applied nothing (or only part) says so. */
export type DisplayState = JobState | 'warning' | 'rejected';

export function displayState(job: Pick<Job, 'state' | 'report'>): DisplayState {
  if (job.state !== 'succeeded' || !job.report) return job.state;
  if (job.report.status === 'error') return 'rejected';
  return job.report.status === 'warning' ? 'warning' : 'succeeded';
}

/** Quasar colour of a state chip (text says the state too: colour is never the only cue). */
export function stateColor(state: DisplayState): string {
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
