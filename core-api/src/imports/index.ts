/**
 * CSV ingestion, pure and streaming (no database): read → decode → parse → validate per format → report.
 * The job handler (later) injects `ReferenceLookups` backed by set-based queries and stages accepted rows
 * through `onBatch`; a dry run calls `validateImport` and writes nothing.
 */
export { readCsv, DEFAULT_MAX_RECORD_CHARS, type CsvFile, type CsvRecord, type CsvReadOptions } from './csv/records.js';
export { decodeCsvBytes, type TextEncoding } from './csv/decode.js';
export { ImportFileError, type FileErrorCode } from './file-error.js';
export { inMemoryLookups, keyParts, referenceKey, type ReferenceKind, type ReferenceLookups, type ReferenceProblem } from './lookups.js';
export { REPORT_LIMIT, type CellIssue, type ImportReport, type ImportStatus, type Progress, type RowReport } from './report.js';
export { runImport, validateImport, DEFAULT_BATCH_SIZE, type AcceptedRow, type ImportOptions } from './validate.js';
export { csvTemplate, templateCatalogue, type CsvTemplate, type TemplateRequest } from './templates.js';
export * from './formats/index.js';
