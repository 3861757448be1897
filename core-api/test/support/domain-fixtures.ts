import type pg from 'pg';

/** Reference rows and 2025 factors used by the entry HTTP tests (real coordinates from OurAirports). */
export async function seedEntryFixtures(pool: pg.Pool): Promise<void> {
  await pool.query(`INSERT INTO airports (iata, name, municipality, country_code, latitude, longitude, kind, search) VALUES
    ('GVA', 'Geneva Cointrin International Airport', 'Geneva', 'CH', 46.2380981, 6.1089501, 'large_airport', 'gva geneva cointrin'),
    ('CDG', 'Charles de Gaulle International Airport', 'Paris', 'FR', 49.012798, 2.55, 'large_airport', 'cdg paris charles de gaulle')`);
  const plane = (band: string, min: number, max: number, ef: number) =>
    pool.query(
      `INSERT INTO factors (year, submodule, classification, values, unit, source) VALUES (2025, 'professional-travel/plane', $1::jsonb, $2::jsonb, 'kg CO2-eq/km', 'test')`,
      [JSON.stringify({ category: band, cabin_class: 'economy' }), JSON.stringify({ ef_kg_co2eq_per_km: ef, rfi_adjustment: 1.35, min_distance: min, max_distance: max })],
    );
  await plane('short_to_medium_haul', 0, 2500, 0.2906);
  await plane('medium_to_long_haul', 2500, 999999, 0.1902);
  await pool.query(`INSERT INTO factors (year, submodule, classification, values, unit, source) VALUES
    (2025, 'process-emissions/gases', '{"category": "CO2", "subcategory": null}', '{"ef_kg_co2eq_per_unit": 1}', 'kg', 'IPCC AR5'),
    (2025, 'process-emissions/gases', '{"category": "Refrigerants", "subcategory": "R134a"}', '{"ef_kg_co2eq_per_unit": 1300}', 'kg', 'IPCC AR5')`);
}

/** Equipment (scientific and IT), headcount (food per FTE) and 2024 gas factors for the results tests. */
export async function seedResultsFixtures(pool: pg.Pool): Promise<void> {
  const factor = (year: number, submodule: string, emissionType: string | null, classification: object, values: object) =>
    pool.query(`INSERT INTO factors (year, submodule, emission_type, classification, values, unit, source) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, 'test', 'test')`, [
      year, submodule, emissionType, JSON.stringify(classification), JSON.stringify(values),
    ]);
  const device = (watts: number) => ({ active_power_w: watts, standby_power_w: watts / 10, ef_kg_co2eq_per_kwh: 0.1, active_usage_hours_per_week: 40, standby_usage_hours_per_week: 128 });
  await factor(2025, 'equipment/scientific', null, { equipment_class: 'Centrifuge', sub_class: null }, device(500));
  await factor(2025, 'equipment/it', null, { equipment_class: 'Laptop', sub_class: null }, device(50));
  await factor(2025, 'headcount/member', 'food__vegetarian', {}, { number_of_unit_per_fte: 100, ef_kg_co2eq_per_unit: 2 });
  await factor(2024, 'process-emissions/gases', null, { category: 'CO2', subcategory: null }, { ef_kg_co2eq_per_unit: 1 });
}
