import { emissionType, type EmissionCategory, type EmissionTypeKey, type Scope } from './emission-types/index.js';
import type { ComputeContext, EmissionDraft, FactorsLookup, ReasonCode, Scalar, SubmoduleDefinition } from './types.js';

/** One computed emission row of an entry; it explains itself (factor, quantity, formula inputs). */
export interface EmissionRow {
  emissionTypeId: number;
  emissionType: EmissionTypeKey;
  scope: Scope;
  category: EmissionCategory;
  additional: boolean;
  kgCo2eq: number;
  factorId: string | null;
  factorYear: number | null;
  factorSource: string | null;
  quantity: number | null;
  quantityUnit: string | null;
  formula: string;
  inputs: Record<string, Scalar>;
}

export type EntryResult =
  | { status: 'computed'; emissions: EmissionRow[] }
  | { status: 'not_computed'; reason: ReasonCode; message: string; emissions: [] };

const notComputed = (reason: ReasonCode, message: string): EntryResult => ({ status: 'not_computed', reason, message, emissions: [] });

function toRow(draft: EmissionDraft): EmissionRow {
  const type = emissionType(draft.emissionType);
  if (type.scope === null || type.category === null) throw new Error(`${type.key} is a roll-up, not an emission leaf`);
  return {
    emissionTypeId: type.id,
    emissionType: type.key,
    scope: type.scope,
    category: type.category,
    additional: type.additional,
    kgCo2eq: draft.kgCo2eq,
    factorId: draft.factor?.id ?? null,
    factorYear: draft.factor?.year ?? null,
    factorSource: draft.factor?.source ?? null,
    quantity: draft.quantity,
    quantityUnit: draft.quantityUnit,
    formula: draft.formula,
    inputs: draft.inputs,
  };
}

/**
 * The generic engine: validate the entry's data with its submodule's schema, apply an override if any,
 * prepare (reference data), look the factors up, compute. Any missing piece gives an entry without emission
 * and a visible reason — never a silent default.
 */
export function computeEntry(definition: SubmoduleDefinition, data: unknown, factors: FactorsLookup, ctx: ComputeContext): EntryResult {
  const parsed = definition.schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return notComputed('invalid_data', `${issue?.path.join('.') || 'data'}: ${issue?.message ?? 'invalid'}`);
  }
  const input = parsed.data;
  if (ctx.override !== undefined) {
    if (!Number.isFinite(ctx.override) || ctx.override < 0) return notComputed('invalid_data', 'override: must be a finite number ≥ 0');
    const override: EmissionDraft = {
      emissionType: definition.overrideEmissionType(input),
      kgCo2eq: ctx.override,
      factor: null,
      quantity: null,
      quantityUnit: null,
      formula: 'kg_co2eq (given)',
      inputs: { kg_co2eq: ctx.override },
    };
    return { status: 'computed', emissions: [toRow(override)] };
  }
  const prepared = definition.prepare(input, ctx);
  if (!prepared.ok) return notComputed(prepared.reason, prepared.message);
  const found = definition.lookup(input, prepared.value, factors.factorsFor(definition.key));
  if (!found.ok) return notComputed(found.reason, found.message);
  const drafts = definition.compute(input, prepared.value, found.value, ctx);
  if (!drafts.ok) return notComputed(drafts.reason, drafts.message);
  const bad = drafts.value.find((d) => !Number.isFinite(d.kgCo2eq) || d.kgCo2eq < 0);
  if (bad) return notComputed('invalid_data', `${bad.emissionType}: the formula gave ${bad.kgCo2eq}`);
  return { status: 'computed', emissions: drafts.value.map(toRow) };
}
