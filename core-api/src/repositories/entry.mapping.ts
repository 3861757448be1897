import type { ModuleKey } from '@co2/contracts';
import { entries, entryEmissions, factors } from '../db/schema/index.js';
import type { StoredEntry } from '../domain/entries/entry.js';
import type { EntryResult } from '../domain/modules/engine.js';

type EntryRow = typeof entries.$inferSelect;
type EmissionRow = typeof entryEmissions.$inferSelect;

type FactorRow = Pick<typeof factors.$inferSelect, 'id' | 'submodule' | 'emissionType' | 'classification' | 'values' | 'unit' | 'source'>;

/** A factor as an emission row explains it: a readable identity, its source and its numeric values. */
export function factorFields(f: FactorRow | undefined) {
  if (!f) return {};
  const classification = Object.values((f.classification ?? {}) as Record<string, unknown>).filter((v) => v !== null && v !== '').map(String);
  const values = Object.entries((f.values ?? {}) as Record<string, unknown>)
    .filter((e): e is [string, number] => typeof e[1] === 'number')
    .map(([label, value]) => ({ label, value, ...(f.unit && label.startsWith('ef_') ? { unit: f.unit } : {}) }));
  return {
    factorLabel: [f.emissionType ?? f.submodule, ...classification].join(' · '),
    factorSource: f.source,
    factorValues: values,
  };
}

export function toEmission(r: EmissionRow, factor?: FactorRow): StoredEntry['emissions'][number] {
  return {
    ...factorFields(factor),
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

export function toStoredEntry(row: EntryRow, emissions: EmissionRow[], factorsById: ReadonlyMap<string, FactorRow> = new Map()): StoredEntry {
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
    emissions: emissions.map((e) => toEmission(e, e.factorId ? factorsById.get(e.factorId) : undefined)),
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
