// Shared set-up of the import integration tests: units, reference rows and 2025 factors on a real database,
// CSV files on disk, a job context for calling the handler directly, and read-backs of what was applied.
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import type { JobContext } from '../../../src/jobs/registry.js';
import { seedEntryFixtures } from '../../support/domain-fixtures.js';

export const UNITS = ['10208', '10300'] as const;

export async function seedImportFixtures(pool: pg.Pool): Promise<void> {
  await pool.query(`INSERT INTO units (code, name, name_fr, level, path) VALUES ('EPFL', 'EPFL', 'EPFL', 1, ARRAY['EPFL'])`);
  for (const code of UNITS) {
    await pool.query(
      `INSERT INTO units (code, name, name_fr, level, path, parent_id) SELECT $1, $1, $1, 2, ARRAY['EPFL', $1], id FROM units WHERE code = 'EPFL'`,
      [code],
    );
  }
  await seedEntryFixtures(pool); // airports GVA, CDG; plane and gas factors of 2025
}

/** Truncates what imports write (entries, emissions, reports, audit is append-only and kept). */
export async function clearImported(pool: pg.Pool): Promise<void> {
  await pool.query('TRUNCATE entries, entry_emissions, report_modules, carbon_reports, data_ingestion_jobs CASCADE');
}

let dir: string | undefined;
/** Writes a CSV file (lines joined with \n) and returns its path. */
export async function csvFile(lines: string[]): Promise<string> {
  dir ??= await mkdtemp(join(tmpdir(), 'co2-import-'));
  const path = join(dir, `${randomUUID()}.csv`);
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

/** A job context as the runner gives it (fresh job id unless one is given); progress updates are kept. */
export function jobContext(jobId: string = randomUUID(), signal = new AbortController().signal) {
  const updates: Record<string, unknown>[] = [];
  const ctx: JobContext = { jobId, pipelineId: null, attempt: 1, signal, progress: (u) => updates.push(u), chain: () => undefined };
  return { ctx, updates };
}

export interface AppliedEntry {
  unit: string;
  submodule: string;
  source: string;
  status: string;
  total_kg: number;
  data: Record<string, unknown>;
  emissions: number;
  emission_kg: number;
}

/** Every entry of a year with its unit, source and emission rows (count and sum), in a stable order. */
export async function appliedEntries(pool: pg.Pool, year = 2025): Promise<AppliedEntry[]> {
  const { rows } = await pool.query<AppliedEntry>(
    `SELECT u.code AS unit, e.submodule, e.source, e.status, (SELECT coalesce(sum(x.kg_co2eq), 0)::float8 FROM entry_emissions x WHERE x.entry_id = e.id) AS total_kg, e.data,
            count(em.id)::int AS emissions, coalesce(sum(em.kg_co2eq), 0)::float8 AS emission_kg
     FROM entries e JOIN report_modules rm ON rm.id = e.report_module_id JOIN carbon_reports cr ON cr.id = rm.report_id
     JOIN units u ON u.id = cr.unit_id LEFT JOIN entry_emissions em ON em.entry_id = e.id
     WHERE cr.year = $1 GROUP BY e.id, u.code ORDER BY u.code, e.submodule, e.data::text, e.source`,
    [year],
  );
  return rows;
}

/** The cached totals of a unit's module for 2025. */
export async function moduleTotals(pool: pg.Pool, unit: string, module: string) {
  const { rows } = await pool.query<{ total_kg: number; entry_count: number; totals: { bySubmodule: Record<string, number> } }>(
    `SELECT rm.total_kg, rm.entry_count, rm.totals FROM report_modules rm JOIN carbon_reports cr ON cr.id = rm.report_id
     JOIN units u ON u.id = cr.unit_id WHERE u.code = $1 AND cr.year = 2025 AND rm.module = $2`,
    [unit, module],
  );
  return rows[0];
}
