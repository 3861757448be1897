// The session-local staging tables of one import and the COPY stream that fills them. Rows the JS engine
// computed go to `import_staging` (with their emissions as JSON); plane trips, computed set-based at apply
// time, go to `import_trips` (import-trips.repository.ts). Both are written with ONE `COPY … FROM STDIN`
// (text format) that stays open while the file streams, so PostgreSQL ingests a batch while the next is parsed.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntryResult } from '../domain/modules/engine.js';
import { emissionValues, resultColumns } from './entry.mapping.js';

export const STAGING_TABLE = 'import_staging';
/** The set-based plane path's tables (import-trips.repository.ts); the view `import_trips_computed` goes with them. */
export const TRIP_TABLES = ['import_trips', 'import_trip_pairs', 'import_trip_factors', 'import_trip_leaves'] as const;

/** One row to apply: an entry (or one derived from another staged entry) with its computed emissions. */
export interface StagedRow {
  id: string;
  line: number;
  unitCode: string;
  submodule: string;
  data: Record<string, unknown>;
  note: string | null;
  kgOverride: number | null;
  result: EntryResult;
  derivedFromId: string | null;
}

/**
 * The first three groups of a job's entry ids: 60 bits of sha1(jobId) and the version nibble 8 (RFC 9562
 * custom UUID). The rest of an id is the part (0 = the row's entry, i + 1 = its i-th derived entry) and the
 * line, so the ids of one job sort by part then line (B-tree inserts stay local) and fill one id range.
 */
export function stagedIdPrefix(jobId: string): string {
  const h = createHash('sha1').update(jobId).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}`;
}

const MAX_PART = 0x3fff;

/**
 * Entry ids derived from the job id and the row's line: re-running the same job stages the same ids, so the
 * apply can delete what a crashed earlier attempt committed before inserting (exactly one copy).
 */
export function stagedId(jobId: string, line: number, part = 0, prefix = stagedIdPrefix(jobId)): string {
  if (!Number.isInteger(part) || part < 0 || part > MAX_PART) throw new RangeError(`id part ${part} is out of range`);
  return `${prefix}-${(0x8000 | part).toString(16)}-${line.toString(16).padStart(12, '0')}`;
}

/** Every id `stagedId` can give for this job lies in [lo, hi] (uuid order is byte order). */
export const stagedIdRange = (jobId: string) => {
  const prefix = stagedIdPrefix(jobId);
  return { lo: `${prefix}-8000-000000000000`, hi: `${prefix}-bfff-ffffffffffff` };
};

/** `stagedId` in SQL, for ids made where the rows are (`$prefix` = `stagedIdPrefix(jobId)`). */
export const stagedIdSql = (prefixParam: string, lineExpr: string, part = 0) =>
  `(${prefixParam} || '-${(0x8000 | part).toString(16)}-' || lpad(to_hex(${lineExpr}), 12, '0'))::uuid`;

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field of COPY's text format: `\N` for null, backslash, tab, newline and carriage return escaped. */
export function copyField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  const s = String(value);
  return SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ESCAPES[c] as string) : s;
}

/** Creates the (temporary, unlogged by nature) staging table of engine-computed rows on this connection, empty. */
export async function createStaging(client: pg.PoolClient): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS pg_temp.${STAGING_TABLE}`);
  await client.query(`CREATE TEMP TABLE ${STAGING_TABLE} (
    id uuid PRIMARY KEY, line int NOT NULL, unit_code text NOT NULL, submodule text NOT NULL, data jsonb NOT NULL,
    note text, kg_override float8, status text NOT NULL, reason text, reason_message text,
    emissions jsonb NOT NULL, derived_from_id uuid)`);
}

/** The COPY statement that appends `stagedRowLine`s to `import_staging`. */
export const STAGING_COPY = `COPY ${STAGING_TABLE} (id, line, unit_code, submodule, data, note, kg_override, status, reason, reason_message, emissions, derived_from_id) FROM STDIN`;

/** One staged row as a line of COPY text. */
export function stagedRowLine(r: StagedRow): string {
  const res = resultColumns(r.result);
  const emissions = emissionValues(r.id, r.result).map(({ entryId: _entryId, ...e }) => e);
  return `${[r.id, r.line, copyField(r.unitCode), r.submodule, copyField(JSON.stringify(r.data)), copyField(r.note), copyField(r.kgOverride), res.status,
    copyField(res.reason), copyField(res.reasonMessage), copyField(JSON.stringify(emissions)), copyField(r.derivedFromId)].join('\t')}\n`;
}

/** Drops every staging table of this connection (engine rows, plane trips and their lookup tables). */
export async function dropStaging(client: pg.PoolClient): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS pg_temp.${STAGING_TABLE}, ${TRIP_TABLES.map((t) => `pg_temp.${t}`).join(', ')}, pg_temp.import_modules CASCADE`);
}

export interface CopyWriter {
  /** Queues COPY text; waits only when the socket is saturated (backpressure). */
  write(text: string): Promise<void>;
  /** Ends the COPY and waits for PostgreSQL to confirm it; rethrows a failure of the COPY. */
  finish(): Promise<number>;
}

/**
 * Opens one `COPY … FROM STDIN` on this connection for the whole file. The connection can run nothing else
 * until `finish()`; a failure surfaces at the next `write` or at `finish`.
 */
export function openCopy(client: pg.PoolClient, statement: string): CopyWriter {
  const stream = client.query(copyFrom(statement));
  let failed: Error | undefined;
  const done = new Promise<void>((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', (e: Error) => reject((failed = e)));
  });
  done.catch(() => undefined); // observed through write() / finish()
  return {
    async write(text) {
      if (failed) throw failed;
      if (!stream.write(text)) await Promise.race([once(stream, 'drain'), done]);
    },
    async finish() {
      stream.end();
      await done;
      return stream.rowCount;
    },
  };
}
