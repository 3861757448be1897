/** Every machine-readable error code core-api answers with (`error.code`). */
export enum ErrorCode {
  BadRequest = 'bad_request',
  ValidationFailed = 'validation_failed',
  InvalidJson = 'invalid_json',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  Unauthenticated = 'unauthenticated',
  InvalidToken = 'invalid_token',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  YearClosed = 'year_closed',
  ModuleDisabled = 'module_disabled',
  AuthUnavailable = 'auth_unavailable',
  DatabaseUnavailable = 'database_unavailable',
  Internal = 'internal_error',
}
