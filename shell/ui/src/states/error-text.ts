import type { ApiError } from '@co2/shell-sdk';

/** Codes with their own explanation in `ui.error.byCode`; any other code shows the generic title. */
export const EXPLAINED_CODES = ['network_error', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'year_closed', 'validation_failed', 'invalid_response'] as const;

/** The `ui.*` key of the sentence that explains an error to a user. */
export function errorTitleKey(error: Pick<ApiError, 'code'>): string {
  return (EXPLAINED_CODES as readonly string[]).includes(error.code) ? `ui.error.byCode.${error.code}` : 'ui.error.title';
}
