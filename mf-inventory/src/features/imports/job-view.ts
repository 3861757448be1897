import { isTerminalJobState, type Job, type JobState } from '@co2/contracts';
import type { ApiError } from '@co2/shell-sdk';

/** Percentage 0–100 of a job, or null while it cannot be known (indeterminate bar). */
export function jobPercent(job: Pick<Job, 'state' | 'progress'>): number | null {
  if (job.state === 'succeeded') return 100;
  const { percent, bytesRead, bytesTotal } = job.progress;
  if (percent !== undefined) return clamp(percent);
  if (bytesRead !== undefined && bytesTotal) return clamp((bytesRead / bytesTotal) * 100);
  return null;
}

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

export const PHASES = ['validating', 'staging', 'applying', 'recalculating', 'aggregating'] as const;
export const JOB_TYPES = ['data-import', 'recalculate-emissions', 'aggregate-report-totals'] as const;

export const camel = (id: string) => id.replace(/[-/]([a-z])/g, (_, c: string) => c.toUpperCase());

export function phaseKey(phase: string | undefined): string | null {
  return phase && (PHASES as readonly string[]).includes(phase) ? `imports.phase.${phase}` : null;
}

export function jobTypeKey(type: string): string | null {
  return (JOB_TYPES as readonly string[]).includes(type) ? `imports.jobType.${camel(type)}` : null;
}

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

export const ERROR_CODES_WITH_TEXT = ['validation_failed', 'payload_too_large', 'unsupported_media_type', 'forbidden', 'not_found', 'conflict', 'year_closed', 'unauthenticated', 'network_error', 'upload_aborted', 'invalid_response'] as const;
export const FORM_FIELDS = ['kind', 'format', 'mode', 'year', 'unitCode', 'dryRun', 'file'] as const;

/** Message keys of an API error: an explanation of its code, and field labels for details naming a form field. */
export function errorKeys(error: ApiError) {
  return {
    titleKey: (ERROR_CODES_WITH_TEXT as readonly string[]).includes(error.code) ? `imports.errors.${error.code}` : 'imports.errors.generic',
    details: error.details.map((d) => {
      const field = fieldOf(d.path);
      return { ...d, fieldKey: field && (FORM_FIELDS as readonly string[]).includes(field) ? `imports.field.${field}` : null };
    }),
  };
}

/** core-api prefixes a detail path with where the value came from: `body.unitCode` names the form field `unitCode`. */
export function fieldOf(path: string): string | null {
  const match = /^(?:body\.)?([A-Za-z]+)$/.exec(path);
  return match?.[1] ?? null;
}
