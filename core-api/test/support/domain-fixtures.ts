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
