/**
 * Why a whole file is refused before (or while) its rows are read. The import report carries the code and a
 * message written for the person who uploaded the file; nothing of the file is applied.
 */
export type FileErrorCode =
  | 'empty_file'
  | 'header_only'
  | 'binary_file'
  | 'unsupported_encoding'
  | 'invalid_encoding'
  | 'wrong_delimiter'
  | 'line_too_long'
  | 'malformed_csv'
  | 'duplicate_column'
  | 'missing_columns'
  | 'aborted';

export class ImportFileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    message: string,
    /** Physical line (1-based) where the problem was found, when it has one. */
    readonly line?: number,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export const fileError = (code: FileErrorCode, message: string, line?: number) => new ImportFileError(code, message, line);
