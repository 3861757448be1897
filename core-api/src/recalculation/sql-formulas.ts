// The SQL form of the engine's formulas that are linear in factor values. Each one recomputes an emission row
// from what the row stores (quantity, inputs) and its factor's values, exactly as the JS compute function does
// (same operands, same order: the float results are identical). A row whose guard fails (the factor may no
// longer apply) or whose formula is not listed is recomputed by the engine instead.
//
// Factor-side expressions run ONCE per factor (CTE `fv`: `f` = factors), row-side ones per emission row (`em` =
// entry_emissions, `fv` = the factor's extracted values) — the per-row work is a few float operations.
import type { SubmoduleKey } from '@co2/contracts';

export interface SqlFormula {
  /** Named numbers extracted from the factor's values (`fv.<name>`), once per factor. */
  values: Record<string, string>;
  /** The factor is usable (over `fv`): its values are present. */
  factorGuard: string;
  /** jsonb of the factor-value inputs the row records (over `fv`) in `factor_inputs`, read over its `inputs`. */
  inputs: string;
  /** The factor still matches this row (over `em`, `fv`); absent = always. */
  rowGuard?: string;
  /** New kg CO2-eq of the row (over `em`, `fv`). */
  kg: string;
  /** New quantity, when the factor's values enter it (headcount: fte × number_of_unit_per_fte). */
  quantity?: string;
}

/** A number from the factor's values (the engine's `numberValue` on the numbers a factor CSV stores). */
const v = (key: string) => `(CASE WHEN jsonb_typeof(f.values->'${key}') = 'number' THEN (f.values->>'${key}')::float8 END)`;
const input = (key: string) => `(CASE WHEN jsonb_typeof(em.inputs->'${key}') = 'number' THEN (em.inputs->>'${key}')::float8 END)`;

/** `quantity × <value>` with the value recorded under its own name. */
const perQuantity = (key: string, recordedAs: string): SqlFormula => ({
  values: { ef: v(key) },
  factorGuard: 'fv.ef IS NOT NULL',
  inputs: `jsonb_build_object('${recordedAs}', fv.ef)`,
  rowGuard: 'em.quantity IS NOT NULL',
  kg: 'em.quantity * fv.ef',
});

const PLANE: SqlFormula = {
  values: {
    ef: v('ef_kg_co2eq_per_km'),
    rfi: `coalesce(${v('rfi_adjustment')}, 1)`,
    // jsonb numbers: compared with the row's jsonb input without a cast (a non-number never passes)
    band_min: `to_jsonb(${v('min_distance')})`,
    band_max: `to_jsonb(${v('max_distance')})`,
  },
  factorGuard: 'fv.ef IS NOT NULL AND fv.band_min IS NOT NULL AND fv.band_max IS NOT NULL',
  inputs: `jsonb_build_object('ef_kg_co2eq_per_km', fv.ef, 'rfi_adjustment', fv.rfi)`,
  // The haul band is chosen on the one-trip distance: a changed band limit may move the trip to another factor.
  rowGuard: `em.quantity IS NOT NULL AND em.inputs->'one_trip_km' >= fv.band_min AND em.inputs->'one_trip_km' < fv.band_max`,
  kg: 'em.quantity * fv.ef * fv.rfi',
};

const FTE: SqlFormula = {
  values: { per_fte: v('number_of_unit_per_fte'), ef: v('ef_kg_co2eq_per_unit') },
  factorGuard: 'fv.per_fte IS NOT NULL AND fv.ef IS NOT NULL AND fv.emission_type IS NOT NULL',
  inputs: `jsonb_build_object('number_of_unit_per_fte', fv.per_fte, 'ef_kg_co2eq_per_unit', fv.ef)`,
  rowGuard: `${input('fte')} IS NOT NULL`,
  quantity: `${input('fte')} * fv.per_fte`,
  kg: `(${input('fte')} * fv.per_fte) * fv.ef`,
};

/** Formula text (as the engine writes it in `entry_emissions.formula`) → its SQL form. */
export const SQL_FORMULAS: Record<string, SqlFormula> = {
  'distance_km × ef_kg_co2eq_per_km × rfi_adjustment': PLANE,
  'distance_km × ef_kg_co2eq_per_km': perQuantity('ef_kg_co2eq_per_km', 'ef_kg_co2eq_per_km'),
  'quantity × ef_kg_co2eq_per_unit': perQuantity('ef_kg_co2eq_per_unit', 'ef_kg_co2eq_per_unit'),
  'surface_m2 × ef_kgco2eq_per_m2': perQuantity('ef_kgco2eq_per_m2', 'ef_kgco2eq_per_m2'),
  'quantity_kg × gwp': perQuantity('ef_kg_co2eq_per_unit', 'gwp'),
  'fte × number_of_unit_per_fte × ef_kg_co2eq_per_unit': FTE,
};

/** The formulas a submodule's factor-based rows use, when ALL of them have an SQL form above; other submodules go through the engine. */
export const SET_BASED_SUBMODULES: Partial<Record<SubmoduleKey, readonly string[]>> = {
  'professional-travel/plane': ['distance_km × ef_kg_co2eq_per_km × rfi_adjustment'],
  'professional-travel/train': ['distance_km × ef_kg_co2eq_per_km'],
  'buildings/combustion': ['quantity × ef_kg_co2eq_per_unit'],
  'buildings/embodied-energy': ['surface_m2 × ef_kgco2eq_per_m2'],
  'process-emissions/gases': ['quantity_kg × gwp'],
  'headcount/member': ['fte × number_of_unit_per_fte × ef_kg_co2eq_per_unit'],
  'headcount/student': ['fte × number_of_unit_per_fte × ef_kg_co2eq_per_unit'],
};
