import { MODULES, type CopyPathParams, type CopyPreview, type SubmoduleKey } from '@co2/contracts';
import { randomUUID } from 'node:crypto';
import { errors } from '../../errors/index.js';
import type { Principal } from '../identity/principal.js';
import { validateEntryData } from './calculate.js';
import type { EntryWrite, ReportModuleKey, StoredEntry } from './entry.js';
import type { WriteEntryDeps } from './write-entry.js';

export interface PreviousYearReader {
  /** Every entry of a submodule in a report module (all pages), oldest first. */
  listAll(where: ReportModuleKey, submodule: SubmoduleKey): Promise<StoredEntry[]>;
}

export type CopyPreviousYearDeps = WriteEntryDeps & { entries: WriteEntryDeps['entries'] & PreviousYearReader };

/** Entries people entered (not those the system derives, nor the travel agency's feed): what a new year starts from. */
const COPYABLE = new Set<StoredEntry['source']>(['manual', 'csv_unit', 'csv_year', 'api', 'copied']);
const kgOf = (result: EntryWrite['result']) => result.emissions.reduce((sum, e) => sum + e.kgCo2eq, 0);

interface Plan {
  preview: CopyPreview;
  where: ReportModuleKey;
  writes: EntryWrite[];
}

/**
 * Plan a copy: resolve each submodule (the one asked for, or every one people enter) → read last year's entries the
 * caller may see → validate them against today's contract → recompute them with this year's factors (and derive what
 * follows, e.g. a room's embodied energy). Nothing is written.
 */
async function planCopy(deps: CopyPreviousYearDeps, principal: Principal, path: CopyPathParams, only: string | undefined): Promise<Plan> {
  const submodules = only ? [only] : [...MODULES[path.module]];
  const preview: CopyPreview = { fromYear: path.year - 1, toYear: path.year, rows: 0, kgCo2eq: 0, submodules: [] };
  const writes: EntryWrite[] = [];
  let where: ReportModuleKey | null = null;
  for (const submodule of submodules) {
    const ws = await deps.resolveWorkspace(principal, { unit: path.unit, module: path.module, submodule });
    if (ws.definition.derived) {
      if (only) throw errors.forbidden(`${ws.submodule} entries are derived by the system`);
      continue;
    }
    where = { unitId: ws.unit.id, year: path.year, module: path.module };
    const previous = (await deps.entries.listAll({ ...where, year: path.year - 1 }, ws.submodule)).filter(
      (e) => COPYABLE.has(e.source) && (ws.access === 'unit' || e.authorId === principal.user.id),
    );
    const line = { submodule: ws.submodule.split('/')[1] ?? '', rows: 0, kgCo2eq: 0, previousKgCo2eq: 0 };
    for (const entry of previous) {
      const data = validateEntryData(ws.definition, entry.data);
      const result = await deps.calculate(ws.definition, data, path.year);
      const id = randomUUID();
      const derived = await deps.derive(ws.definition, id, data, result, path.year);
      writes.push({ id, submodule: ws.submodule, data, note: entry.note, source: 'copied', result, actor: { id: principal.user.id, subject: principal.user.subject }, unitCode: ws.unit.code, derived });
      line.rows += 1;
      line.kgCo2eq += kgOf(result);
      line.previousKgCo2eq += entry.totalKgCo2eq;
    }
    preview.submodules.push(line);
    preview.rows += line.rows;
    preview.kgCo2eq += line.kgCo2eq;
  }
  if (!where) throw errors.notFound(`entries to copy in ${path.module}`);
  return { preview, where, writes };
}

/** Preview of a copy from the previous year: rows and kg with this year's factors; nothing is written. */
export function createPreviewCopyFromPreviousYear(deps: CopyPreviousYearDeps) {
  return async (principal: Principal, path: CopyPathParams, submodule: string | undefined): Promise<CopyPreview> => (await planCopy(deps, principal, path, submodule)).preview;
}

/** Copy from the previous year: the previewed writes, stored in one transaction (a validated module goes back to in progress). */
export function createCopyFromPreviousYear(deps: CopyPreviousYearDeps) {
  return async (principal: Principal, path: CopyPathParams, submodule: string | undefined): Promise<CopyPreview> => {
    const plan = await planCopy(deps, principal, path, submodule);
    for (const line of plan.preview.submodules) await deps.assertYearOpen(path.year, { module: path.module, submodule: line.submodule });
    if (plan.writes.length > 0) await deps.entries.createMany(plan.where, plan.writes);
    return plan.preview;
  };
}
