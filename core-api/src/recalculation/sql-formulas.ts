// The SQL form of the engine's formulas that are linear in factor values. Each one recomputes an emission row
// from what the row stores (quantity, inputs) and its factor's values, exactly as the JS compute function does
// (same operands, same order: the float results are identical). `guard` says the factor still applies to the
// row; a row failing it (or whose formula is not listed) is recomputed by the engine instead.
//
// Aliases available to the expressions: `em` (entry_emissions), `f` (factors).
export interface SqlFormula {
  /** New kg CO2-eq of the row. */
  kg: string;
  /** New quantity, when the factor's values enter it (headcount: fte × number_of_unit_per_fte). */
  quantity?: string;
  /** jsonb of the factor-value inputs the row records; merged into `inputs`. */
  inputs: string;
  /** The row may be updated in place (factor values present, the factor still matches the row). */
  guard: string;
  /** The formula's row is the only row of its entry: the entry's total is the row's kg. */
  singleRow: boolean;
}

/** A number from the factor's values (the engine's `numberValue` on the numbers a factor CSV stores). */
const v = (key: string) => `(CASE WHEN jsonb_typeof(f.values->'${key}') = 'number' THEN (f.values->>'${key}')::float8 END)`;
const input = (key: string) => `(CASE WHEN jsonb_typeof(em.inputs->'${key}') = 'number' THEN (em.inputs->>'${key}')::float8 END)`;

/** `quantity × <value>` with the value recorded under its own name. */
const perQuantity = (key: string, recordedAs: string, singleRow: boolean): SqlFormula => ({
  singleRow,
  kg: `em.quantity * ${v(key)}`,
  inputs: `jsonb_build_object('${recordedAs}', ${v(key)})`,
  guard: `${v(key)} IS NOT NULL AND em.quantity IS NOT NULL`,
});

const PLANE: SqlFormula = {
  singleRow: true,
  kg: `em.quantity * ${v('ef_kg_co2eq_per_km')} * coalesce(${v('rfi_adjustment')}, 1)`,
  inputs: `jsonb_build_object('ef_kg_co2eq_per_km', ${v('ef_kg_co2eq_per_km')}, 'rfi_adjustment', coalesce(${v('rfi_adjustment')}, 1))`,
  // The haul band is chosen on the one-trip distance: a changed band limit may move the trip to another factor.
  guard: `${v('ef_kg_co2eq_per_km')} IS NOT NULL AND em.quantity IS NOT NULL
          AND ${input('one_trip_km')} >= ${v('min_distance')} AND ${input('one_trip_km')} < ${v('max_distance')}`,
};

const FTE_QUANTITY = `${input('fte')} * ${v('number_of_unit_per_fte')}`;
const FTE: SqlFormula = {
  singleRow: false,
  quantity: FTE_QUANTITY,
  kg: `(${FTE_QUANTITY}) * ${v('ef_kg_co2eq_per_unit')}`,
  inputs: `jsonb_build_object('number_of_unit_per_fte', ${v('number_of_unit_per_fte')}, 'ef_kg_co2eq_per_unit', ${v('ef_kg_co2eq_per_unit')})`,
  guard: `${input('fte')} IS NOT NULL AND ${v('number_of_unit_per_fte')} IS NOT NULL AND ${v('ef_kg_co2eq_per_unit')} IS NOT NULL AND f.emission_type IS NOT NULL`,
};

/** Formula text (as the engine writes it in `entry_emissions.formula`) → its SQL form. */
export const SQL_FORMULAS: Record<string, SqlFormula> = {
  'distance_km × ef_kg_co2eq_per_km × rfi_adjustment': PLANE,
  'distance_km × ef_kg_co2eq_per_km': perQuantity('ef_kg_co2eq_per_km', 'ef_kg_co2eq_per_km', true),
  'quantity × ef_kg_co2eq_per_unit': perQuantity('ef_kg_co2eq_per_unit', 'ef_kg_co2eq_per_unit', true),
  'surface_m2 × ef_kgco2eq_per_m2': perQuantity('ef_kgco2eq_per_m2', 'ef_kgco2eq_per_m2', false),
  'quantity_kg × gwp': perQuantity('ef_kg_co2eq_per_unit', 'gwp', true),
  'fte × number_of_unit_per_fte × ef_kg_co2eq_per_unit': FTE,
};
