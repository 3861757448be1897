import { isTerminalJobState, type Job } from '@co2/contracts';
import type { ApiError } from '@co2/shell-sdk';

// Job semantics come with the contract (core-api owns them), upload progress with the sdk; the remote adds its presentation.
export { reportIssueRows as issueRows, type ReportIssueRow as IssueRow } from '@co2/contracts';
export { uploadPercent } from '@co2/shell-sdk';
export { canAbortJob as canAbort, canRetryJob as canRetry, jobOutcome as displayState, jobPercent, type JobOutcome as DisplayState } from '@co2/contracts';
export const isFinished = (job: Pick<Job, 'state'>) => isTerminalJobState(job.state);

export const PHASES = ['validating', 'staging', 'applying', 'recalculating', 'aggregating'] as const;
export const JOB_TYPES = ['data-import', 'recalculate-emissions', 'aggregate-report-totals'] as const;

export const camel = (id: string) => id.replace(/[-/]([a-z])/g, (_, c: string) => c.toUpperCase());

export function phaseKey(phase: string | undefined): string | null {
  return phase && (PHASES as readonly string[]).includes(phase) ? `imports.phase.${phase}` : null;
}

export function jobTypeKey(type: string): string | null {
  return (JOB_TYPES as readonly string[]).includes(type) ? `imports.jobType.${camel(type)}` : null;
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
