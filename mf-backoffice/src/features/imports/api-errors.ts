import type { ApiError } from '@co2/shell-sdk';

const KNOWN_CODES = [
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
  'forbidden',
  'not_found',
  'conflict',
  'year_closed',
  'unauthenticated',
  'network_error',
  'upload_aborted',
  'invalid_response',
] as const;

const FIELDS = ['kind', 'format', 'mode', 'year', 'unitCode', 'submodule', 'dryRun', 'file'];

export interface ErrorView {
  /** Message key of a short explanation for the code (a generic one for unknown codes). */
  titleKey: string;
  code: string;
  message: string;
  /** Details with a translated field label when the path names a form field. */
  details: { path: string; fieldKey: string | null; message: string }[];
}

/** How an API error is shown: what happened in the user's language, then the server's own words and fields. */
export function errorView(error: ApiError): ErrorView {
  const known = (KNOWN_CODES as readonly string[]).includes(error.code);
  return {
    titleKey: known ? `imports.errors.${error.code}` : 'imports.errors.generic',
    code: error.code,
    message: error.message,
    details: error.details.map((d) => {
      const field = fieldOf(d.path);
      return { path: d.path, fieldKey: field && FIELDS.includes(field) ? `imports.form.${field}` : null, message: d.message };
    }),
  };
}

/** core-api prefixes a detail path with where the value came from: `body.year` names the form field `year`. */
export function fieldOf(path: string): string | null {
  const match = /^(?:body\.)?([A-Za-z]+)$/.exec(path);
  return match?.[1] ?? null;
}

export const ERROR_CODES_WITH_TEXT = KNOWN_CODES;
