import { readCsv, type CsvReadOptions } from './csv/records.js';
import { fileError, ImportFileError } from './file-error.js';
import type { FormatContext, ImportFormat, ReferenceCheck } from './formats/types.js';
import type { ReferenceKind, ReferenceLookups, ReferenceProblem } from './lookups.js';
import { ReportBuilder, type CellIssue, type ImportReport, type Progress } from './report.js';

/** A row that passed every check, with its physical line for later messages. */
export interface AcceptedRow<T> {
  line: number;
  target: string;
  value: T;
}

export interface ImportOptions<T> extends FormatContext, CsvReadOptions {
  /** Database-backed checks (airports, stations, rooms, units), asked once per batch and kind. */
  lookups?: ReferenceLookups;
  /** Unknown airport/station/room: keep the row with a notice (reference behaviour: no emission) or reject it. */
  unknownLocation?: 'reject' | 'notice';
  /** Rows per batch (lookups, `onBatch`, progress). */
  batchSize?: number;
  /** Receives accepted rows batch by batch (e.g. COPY into a staging table). Absent = dry run. */
  onBatch?: (rows: AcceptedRow<T>[]) => Promise<void>;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  /** Row problems listed in the report (counts are always complete). */
  reportLimit?: number;
}

export const DEFAULT_BATCH_SIZE = 1000;

type Pending<T> = AcceptedRow<T> & { checks: ReferenceCheck[] };

function checkTarget<T>(format: ImportFormat<T>, ctx: FormatContext) {
  if (ctx.submodule && !format.targets.includes(ctx.submodule)) {
    throw new TypeError(`format ${format.id} cannot import into ${ctx.submodule} (targets: ${format.targets.join(', ')})`);
  }
}

async function resolveProblems(lookups: ReferenceLookups, checks: ReferenceCheck[]) {
  const byKind = new Map<ReferenceKind, Set<string>>();
  for (const c of checks) byKind.set(c.kind, (byKind.get(c.kind) ?? new Set()).add(c.key));
  const problems = new Map<ReferenceKind, ReadonlyMap<string, ReferenceProblem>>();
  for (const [kind, keys] of byKind) problems.set(kind, await lookups.check(kind, [...keys]));
  return (c: ReferenceCheck) => problems.get(c.kind)?.get(c.key);
}

const problemIssue = (c: ReferenceCheck, problem: ReferenceProblem): CellIssue => ({
  column: c.column,
  message: problem === 'ambiguous' ? `"${c.value}" matches several ${c.label}s; give the country code` : `unknown ${c.label} "${c.value}"`,
});

/**
 * Reads a CSV upload and validates every row with the format (and the injected lookups), streaming: only
 * one batch of rows, the first `reportLimit` problems and the in-file duplicate keys are held in memory.
 * Without `onBatch` this is the dry run: it validates the whole file and returns the report. With it, the
 * caller stages accepted rows and applies them only when the report's status is not `error`.
 */
export async function runImport<T>(source: AsyncIterable<unknown>, format: ImportFormat<T>, options: ImportOptions<T>): Promise<ImportReport> {
  const ctx: FormatContext = { mode: options.mode, submodule: options.submodule, year: options.year };
  checkTarget(format, ctx);
  const report = new ReportBuilder(options.reportLimit);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let meta: Pick<ImportReport, 'encoding' | 'columns'> = { encoding: null, columns: [] };
  let bytesRead = () => 0;
  let lastProgress: Progress | undefined;

  const flush = async (batch: Pending<T>[]) => {
    if (options.signal?.aborted) throw fileError('aborted', 'The import was aborted');
    const problemOf = options.lookups ? await resolveProblems(options.lookups, batch.flatMap((r) => r.checks)) : () => undefined;
    const accepted: AcceptedRow<T>[] = [];
    for (const row of batch) {
      const found = row.checks.flatMap((c) => {
        const problem = problemOf(c);
        return problem ? [{ issue: problemIssue(c, problem), reject: problem === 'ambiguous' || c.onMissing === 'reject' }] : [];
      });
      if (found.some((f) => f.reject)) {
        report.reject(row.line, found.map((f) => f.issue));
        continue;
      }
      if (found.length > 0) report.notice(row.line, found.map((f) => f.issue));
      accepted.push({ line: row.line, target: row.target, value: row.value });
      report.accept(row.target);
    }
    if (accepted.length > 0) await options.onBatch?.(accepted);
    const progress = report.progress(bytesRead());
    if (progress.rowsRead !== lastProgress?.rowsRead || progress.bytesRead !== lastProgress.bytesRead) options.onProgress?.(progress);
    lastProgress = progress;
  };

  try {
    if (options.signal?.aborted) throw fileError('aborted', 'The import was aborted');
    const file = await readCsv(source, options);
    meta = { encoding: file.encoding, columns: file.columns };
    bytesRead = file.bytesRead;
    const missing = format.requiredColumns(ctx).filter((c) => !file.columns.includes(c));
    if (missing.length > 0) {
      const hint = format.missingColumnsHint?.(file.columns);
      throw fileError('missing_columns', `Missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}${hint ? ` (${hint})` : ''}`, 1);
    }
    const firstLineOf = new Map<string, number>();
    let batch: Pending<T>[] = [];
    for await (const rec of file.records) {
      report.rowsRead += 1;
      if (rec.extraValues > 0) {
        report.reject(rec.line, [{ message: `has more values than the header has columns (${meta.columns.length})` }]);
        continue;
      }
      const parsed = format.parseRow(rec.cells, ctx);
      if (!parsed.ok) {
        report.reject(rec.line, parsed.issues);
        continue;
      }
      const unique = format.uniqueKey?.(parsed.value);
      const first = unique && firstLineOf.get(unique.key);
      if (unique && first !== undefined) {
        report.reject(rec.line, [{ column: unique.column, message: `duplicates line ${first}` }]);
        continue;
      }
      if (unique) firstLineOf.set(unique.key, rec.line);
      const checks = format.references?.(parsed.value, ctx, { unknownLocation: options.unknownLocation ?? 'notice' }) ?? [];
      batch.push({ line: rec.line, target: parsed.target, value: parsed.value, checks });
      if (batch.length >= batchSize) {
        await flush(batch);
        batch = [];
      }
    }
    await flush(batch);
    return report.build({ format: format.id, ...meta, fileError: null });
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    const fe = { code: error.code, message: error.message, ...(error.line !== undefined ? { line: error.line } : {}) };
    return report.build({ format: format.id, ...meta, fileError: fe });
  }
}

/** The dry run: validates the whole file and reports, writing nothing. */
export const validateImport = <T>(source: AsyncIterable<unknown>, format: ImportFormat<T>, options: Omit<ImportOptions<T>, 'onBatch'>) =>
  runImport(source, format, options);
