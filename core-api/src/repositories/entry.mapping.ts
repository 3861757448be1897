import type { ModuleKey } from '@co2/contracts';
import { entries, entryEmissions } from '../db/schema/index.js';
import type { StoredEntry } from '../domain/entries/entry.js';
import type { EntryResult } from '../domain/modules/engine.js';

type EntryRow = typeof entries.$inferSelect;
type EmissionRow = typeof entryEmissions.$inferSelect;

export function toEmission(r: EmissionRow): StoredEntry['emissions'][number] {
  return {
    emissionType: r.emissionType,
    emissionTypeId: r.emissionTypeId,
    scope: r.scope,
    category: r.category,
    additional: r.additional,
    kgCo2eq: r.kgCo2eq,
    factorId: r.factorId,
    factorYear: r.factorYear,
    quantity: r.quantity,
    quantityUnit: r.quantityUnit,
    formula: r.formula,
    // The factor values of the last set-based recalculation override those the engine recorded.
    inputs: { ...(r.inputs as StoredEntry['emissions'][number]['inputs']), ...(r.factorInputs as StoredEntry['emissions'][number]['inputs'] | null) },
  };
}

/** An entry's total: the sum of its emission rows (not cached on the entry). */
export const entryTotal = (emissions: readonly Pick<EmissionRow, 'kgCo2eq'>[]) => emissions.reduce((sum, e) => sum + e.kgCo2eq, 0);

export function toStoredEntry(row: EntryRow, emissions: EmissionRow[]): StoredEntry {
  return {
    id: row.id,
    module: row.submodule.split('/')[0] as ModuleKey,
    submodule: row.submodule.split('/')[1] ?? '',
    data: row.data as Record<string, unknown>,
    note: row.note,
    source: row.source,
    status: row.status,
    reason: row.reason as StoredEntry['reason'],
    reasonMessage: row.reasonMessage,
    totalKgCo2eq: entryTotal(emissions),
    emissions: emissions.map(toEmission),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    authorId: row.authorId,
  };
}

/** Columns of an entry that come from its computation. */
export function resultColumns(result: EntryResult) {
  return result.status === 'computed'
    ? { status: 'computed' as const, reason: null, reasonMessage: null }
    : { status: 'not_computed' as const, reason: result.reason, reasonMessage: result.message };
}

export function emissionValues(entryId: string, result: EntryResult) {
  return result.emissions.map((e) => ({
    entryId,
    emissionTypeId: e.emissionTypeId,
    emissionType: e.emissionType,
    scope: e.scope,
    category: e.category,
    additional: e.additional,
    kgCo2eq: e.kgCo2eq,
    factorId: e.factorId,
    factorYear: e.factorYear,
    quantity: e.quantity,
    quantityUnit: e.quantityUnit,
    formula: e.formula,
    inputs: e.inputs,
  }));
}
