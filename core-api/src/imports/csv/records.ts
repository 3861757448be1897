import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { fileError, ImportFileError } from '../file-error.js';
import { decodeCsvBytes, DEFAULT_SNIFF_BYTES, type TextEncoding } from './decode.js';

/** Longest line (or quoted record) accepted, in characters: a 1 MB line is refused, not buffered. */
export const DEFAULT_MAX_RECORD_CHARS = 64 * 1024;

export interface CsvReadOptions {
  maxRecordChars?: number;
  sniffBytes?: number;
}

/** One data record: its physical first line in the file (quoted newlines counted) and its cells by column. */
export interface CsvRecord {
  line: number;
  cells: Record<string, string>;
  /** Values beyond the header's width that are not blank (a shifted or broken row). */
  extraValues: number;
}

export interface CsvFile {
  encoding: TextEncoding;
  /** Header names, trimmed and lower-cased, in file order (blank names dropped). */
  columns: string[];
  records: AsyncGenerator<CsvRecord>;
  /** Bytes read from the upload so far (a little ahead of the records delivered). */
  bytesRead: () => number;
}

const NEWLINES = /\r\n|\r|\n/g;
const newlinesIn = (values: string[]) => values.reduce((n, v) => n + (v.match(NEWLINES)?.length ?? 0), 0);
const isBlank = (values: string[]) => values.every((v) => v.trim() === '');

function asFileError(error: unknown, counted: number, maxChars: number): unknown {
  if (error instanceof ImportFileError || !(error instanceof CsvError)) return error;
  // csv-parse's own count is right for the line where it stopped, ours for records already delivered.
  const line = typeof error.lines === 'number' && error.lines > 0 ? Math.max(error.lines, counted) : counted;
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return fileError('line_too_long', `Line ${line ?? '?'} is longer than ${maxChars} characters (a broken quote or not a CSV file?)`, line);
  }
  return fileError('malformed_csv', `The CSV is malformed near line ${line ?? '?'}: ${error.message}`, line);
}

function checkHeader(raw: string[]): string[] {
  if (raw.length === 1 && /[;\t|]/.test(raw[0] ?? '')) {
    const found = (raw[0] ?? '').includes(';') ? 'semicolons (;)' : (raw[0] ?? '').includes('\t') ? 'tabs' : 'pipes (|)';
    throw fileError('wrong_delimiter', `The file is separated by ${found}; save it as CSV with commas (,) as separators`, 1);
  }
  const columns = raw.map((c) => c.trim().toLowerCase());
  const seen = new Set<string>();
  for (const c of columns) {
    if (c !== '' && seen.has(c)) throw fileError('duplicate_column', `The header names the column "${c}" twice`, 1);
    seen.add(c);
  }
  return columns;
}

/**
 * Streams a CSV upload: decodes it (see decode.ts), parses it with csv-parse (quotes, quoted newlines, any
 * line ending), checks the header, and yields records keyed by column name. Blank lines (or lines of empty
 * cells) are skipped but counted in line numbers. Throws `ImportFileError` for a file that cannot be read.
 */
export async function readCsv(source: AsyncIterable<unknown>, options: CsvReadOptions = {}): Promise<CsvFile> {
  const maxChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const { encoding, chunks, bytesRead } = await decodeCsvBytes(source, options.sniffBytes ?? DEFAULT_SNIFF_BYTES);
  const parser = parse({
    // No `info` (it halves the throughput) and no skip_empty_lines: an empty line arrives as [''], is
    // skipped below, and every record's first line is simply the line after the previous record's last.
    relax_column_count: true,
    relax_quotes: false,
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: maxChars,
  });
  const done = pipeline(Readable.from(chunks, { highWaterMark: 2 }), parser).catch(() => undefined); // errors surface through iteration
  const iterator: AsyncIterator<string[]> = parser[Symbol.asyncIterator]();
  let endLine = 0;

  const next = async () => {
    try {
      const item = await iterator.next();
      if (item.done) return undefined;
      const line = endLine + 1;
      endLine = line + newlinesIn(item.value);
      return { line, values: item.value };
    } catch (error) {
      throw asFileError(error, endLine + 1, maxChars);
    }
  };

  let columns: string[];
  try {
    let header = await next();
    while (header && isBlank(header.values)) header = await next();
    // Excel's `sep=,` hint line: skip it (a `sep=;` line falls through to the delimiter check).
    if (header && /^sep=$/i.test(header.values[0]?.trim() ?? '') && header.values.length === 2) {
      header = await next();
      while (header && isBlank(header.values)) header = await next();
    }
    if (!header) throw fileError('empty_file', 'The file is empty: expected a header line and at least one row');
    columns = checkHeader(header.values);
  } catch (error) {
    parser.destroy();
    throw error;
  }

  async function* records(): AsyncGenerator<CsvRecord> {
    let rows = 0;
    try {
      for (let rec = await next(); rec; rec = await next()) {
        if (isBlank(rec.values)) continue;
        rows += 1;
        const cells: Record<string, string> = {};
        columns.forEach((c, i) => {
          if (c !== '') cells[c] = rec.values[i] ?? '';
        });
        const extraValues = rec.values.slice(columns.length).filter((v) => v.trim() !== '').length;
        yield { line: rec.line, cells, extraValues };
      }
      if (rows === 0) throw fileError('header_only', 'The file has a header but no data rows');
    } finally {
      parser.destroy();
      await done;
    }
  }
  return { encoding, columns: columns.filter((c) => c !== ''), records: records(), bytesRead };
}
