// Benchmark (prints figures, not a test): recalculation of N plane entries after a factor change.
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx core-api/bench/recalculation.ts [entries] [rounds]
// Creates a scratch database, writes N computed plane trips of 2025 (one emission row each, as the engine
// writes them, spread over 500 units) that all use one factor, then alternates, on the same rows:
//   baseline: UPDATE entry_emissions SET kg_co2eq = quantity * <new ef> WHERE factor_id = …   (one statement)
//   job:      the factor's ef changes, then the recalculate-emissions handler (emission rows incl. inputs, one
//             transaction), and apart from it the aggregation the job chains (the report modules' cached totals)
// with a VACUUM between runs so neither inherits the other's dead tuples. Prints medians and their ratio.
import { createTestDatabase } from '@co2/deploy/testing';
import { createDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { refreshReportTotals } from '../src/repositories/aggregation.repository.js';
import { recalculateEmissions } from '../src/recalculation/recalculate-emissions.job.js';

const N = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.argv[3] ?? 3);
// BENCH_KEEP_DB=1 keeps the scratch database (to EXPLAIN the statements by hand).
const UNITS = 500;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const testDb = await createTestDatabase('bench_recalc');
const handle = createDatabase(testDb.url, { onPoolError: () => {}, max: 4 });
const q = (text: string, params: unknown[] = []) => handle.pool.query(text, params);
try {
  await runMigrations(handle.pool);
  const t0 = performance.now();
  await q(`INSERT INTO units (code, name, name_fr, level, path) SELECT 'U' || g, 'U' || g, 'U' || g, 1, ARRAY['U' || g] FROM generate_series(1, $1) g`, [UNITS]);
  await q(`INSERT INTO carbon_reports (unit_id, year) SELECT id, 2025 FROM units`);
  await q(`INSERT INTO report_modules (report_id, module) SELECT id, 'professional-travel' FROM carbon_reports`);
  const { rows: [factor] } = await q(
    `INSERT INTO factors (year, submodule, classification, values, unit, source) VALUES
       (2025, 'professional-travel/plane', '{"category":"short_to_medium_haul","cabin_class":"economy"}',
        '{"ef_kg_co2eq_per_km":0.2906,"rfi_adjustment":1.35,"min_distance":0,"max_distance":2500}', 'kg CO2-eq/km', 'bench')
     RETURNING id`,
  );
  const factorId = (factor as { id: string }).id;
  // One statement per 100k rows: entries (plane data) and their emission row (inputs as the engine writes them).
  for (let from = 1; from <= N; from += 100_000) {
    const to = Math.min(N, from + 99_999);
    await q(
      `WITH src AS (
         SELECT g, rm.id AS rm, gen_random_uuid() AS id, (100 + (g::bigint * 7919) % 2300 + 95) * (1 + g % 2) AS km
         FROM generate_series($1::int, $2::int) g
         JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM report_modules) rm ON rm.k = g % $3),
       e AS (
         INSERT INTO entries (id, report_module_id, submodule, data, source, status)
         SELECT id, rm, 'professional-travel/plane',
                jsonb_build_object('origin_iata', 'GVA', 'destination_iata', 'CDG', 'cabin_class', 'economy',
                                   'user_institutional_id', (g % 5000)::text, 'number_of_trips', 1 + g % 2, 'departure_date', '2025-03-01'),
                'csv_year', 'computed'
         FROM src ORDER BY g)
       INSERT INTO entry_emissions (entry_id, emission_type_id, emission_type, scope, category, kg_co2eq, factor_id, factor_year,
                                    quantity, quantity_unit, formula, inputs)
       SELECT src.id, 50203, 'professional_travel__plane__eco', 3, 'professional_travel', km * 0.2906 * 1.35, $4, 2025,
              km, 'km', 'distance_km × ef_kg_co2eq_per_km × rfi_adjustment',
              jsonb_build_object('great_circle_km', 400, 'one_trip_km', km / 2, 'number_of_trips', 2,
                                 'distance_km', km, 'haul_category', 'short_to_medium_haul',
                                 'ef_kg_co2eq_per_km', 0.2906, 'rfi_adjustment', 1.35)
       FROM src ORDER BY g`,
      [from, to, UNITS, factorId],
    );
  }
  await q('VACUUM ANALYZE');
  const { rows: [size] } = await q(`SELECT pg_size_pretty(pg_total_relation_size('entries')) AS entries, pg_size_pretty(pg_total_relation_size('entry_emissions')) AS emissions`);
  console.log(`seeded ${N} plane entries (+ emission rows) over ${UNITS} units in ${((performance.now() - t0) / 1000).toFixed(1)} s; entries ${size.entries}, emissions ${size.emissions}`);

  const baselines: number[] = [];
  const jobs: number[] = [];
  const aggregations: number[] = [];
  const phases: Record<string, number[]> = {};
  let ef = 0.2906;
  for (let round = 1; round <= ROUNDS; round++) {
    ef += 0.001;
    let t = performance.now();
    const r = await q(`UPDATE entry_emissions SET kg_co2eq = quantity * $1 WHERE factor_id = $2`, [ef, factorId]);
    baselines.push(performance.now() - t);
    await q('VACUUM entry_emissions');

    ef += 0.001;
    await q(`UPDATE factors SET values = jsonb_set(values, '{ef_kg_co2eq_per_km}', to_jsonb($1::float8)) WHERE id = $2`, [ef, factorId]);
    t = performance.now();
    let last = t;
    let step = 'set-based';
    const result = await recalculateEmissions(
      { db: handle.db, pool: handle.pool },
      { submodule: 'professional-travel/plane', year: 2025, factorIds: [factorId], full: false },
      {
        signal: new AbortController().signal,
        progress: (u) => {
          const now = performance.now();
          (phases[step] ??= []).push(now - last);
          step = String(u.step ?? u.phase);
          last = now;
        },
      },
    );
    const total = performance.now() - t;
    (phases[step] ??= []).push(performance.now() - last);
    jobs.push(total);
    // The pipeline's next job, measured apart: the report modules' cached totals from the new rows.
    const client = await handle.pool.connect();
    t = performance.now();
    const aggregated = await refreshReportTotals(client, { year: 2025, module: 'professional-travel' }).finally(() => client.release());
    aggregations.push(performance.now() - t);
    await q('VACUUM entries, entry_emissions, report_modules');
    const updated = Object.values(result.setBased).reduce((a, b) => a + b, 0);
    console.log(`round ${round}: baseline ${baselines.at(-1)!.toFixed(0)} ms (${r.rowCount} rows)  job ${total.toFixed(0)} ms (${updated} rows set-based, ${result.engine.entries} entries by the engine)  then aggregation ${aggregations.at(-1)!.toFixed(0)} ms (${aggregated.changed} of ${aggregated.modules} modules changed)`);
  }
  const b = median(baselines);
  const j = median(jobs);
  console.log(`phases (median ms): ${Object.entries(phases).map(([k, v]) => `${k} ${median(v).toFixed(0)}`).join(', ')}`);
  console.log(`baseline: single set-based UPDATE of ${N} emission rows   median ${b.toFixed(0)} ms`);
  console.log(`recalculate-emissions job (same rows, one transaction)    median ${j.toFixed(0)} ms`);
  console.log(`ratio job / baseline = ${(j / b).toFixed(2)}  (target ≤ 2)`);
  console.log(`the aggregation the job chains (module totals, next job of the pipeline)  median ${median(aggregations).toFixed(0)} ms; job + aggregation / baseline = ${((j + median(aggregations)) / b).toFixed(2)}`);
} finally {
  await handle.close();
  if (process.env.BENCH_KEEP_DB) console.log(`kept ${testDb.url}`);
  else await testDb.drop();
}
