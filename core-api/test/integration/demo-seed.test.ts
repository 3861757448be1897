import { MODULES, SUBMODULE_KEYS } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { loadDemoSeedData } from '../../src/demo/load-seed-data.js';
import { createReportUseCases } from '../../src/domain/reports/index.js';
import { createRepositories } from '../../src/repositories/index.js';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.js';

describe('demo seed (SEED_DEMO=true)', () => {
  let database: MigratedDatabase;
  let first: Awaited<ReturnType<typeof seedDemo>>;
  let firstMs: number;
  const rows = async <T>(text: string) => (await database.pool.query(text)).rows as T[];
  const counts = async () =>
    (await rows<Record<string, string>>(`SELECT
      (SELECT count(*) FROM factors) AS factors, (SELECT count(*) FROM entries) AS entries, (SELECT count(*) FROM entry_emissions) AS emissions,
      (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM year_configurations) AS years, (SELECT count(*) FROM airports) AS airports,
      (SELECT count(*) FROM train_stations) AS stations, (SELECT count(*) FROM users) AS users,
      (SELECT string_agg(module || ':' || status || ':' || total_kg, ',' ORDER BY report_id, module) FROM report_modules) AS modules`))[0];

  beforeAll(async () => {
    database = await createMigratedDatabase('core_api_seed');
    const started = performance.now();
    first = await seedDemo(database.db);
    firstMs = performance.now() - started;
  });
  afterAll(async () => {
    await database?.dispose();
  });

  // Target < 2 s: measured ~0.55 s alone; beside 40 other test files on 2 shared cores up to ~3 s, hence the loose guard.
  it('seeds fast (first run on an empty database)', () => {
    console.info(`demo seed: ${firstMs.toFixed(0)} ms, ${first.factors} factors, ${first.entries} entries`);
    expect(firstMs).toBeLessThan(8000);
    expect(first.yearsKept).toEqual([]);
  });

  it('opens 2024 and 2025 and gives every submodule factors for both years', async () => {
    expect(await rows('SELECT year, open_to_users FROM year_configurations ORDER BY year')).toEqual([
      { year: 2024, open_to_users: true },
      { year: 2025, open_to_users: true },
    ]);
    const covered = await rows<{ year: number; submodule: string }>('SELECT DISTINCT year, submodule FROM factors');
    for (const year of [2024, 2025]) {
      expect(covered.filter((r) => r.year === year).map((r) => r.submodule).sort()).toEqual([...SUBMODULE_KEYS].sort());
    }
    const [gas] = await rows<{ values: { ef_kg_co2eq_per_unit: number }; source: string }>(
      `SELECT values, source FROM factors WHERE year = 2025 AND submodule = 'process-emissions/gases' AND classification->>'subcategory' = 'R134a'`,
    );
    expect(gas).toMatchObject({ values: { ef_kg_co2eq_per_unit: 1300 }, source: expect.stringContaining('AR5') });
    const [airports] = await rows<{ n: string }>('SELECT count(*) AS n FROM airports');
    expect(Number(airports?.n)).toBeGreaterThan(4000);
    expect(await rows(`SELECT iata, country_code, round(latitude::numeric, 3) AS lat FROM airports WHERE iata IN ('GVA', 'NRT') ORDER BY iata`)).toEqual([
      { iata: 'GVA', country_code: 'CH', lat: '46.238' },
      { iata: 'NRT', country_code: 'JP', lat: '35.765' },
    ]);
    const demo = await rows<{ n: string }>(`SELECT count(*) AS n FROM factors WHERE source LIKE '%DEMO VALUE%'`);
    expect(Number(demo[0]?.n)).toBeGreaterThan(0);
  });

  it('gives the demo lab computed entries in every module for 2025 (and some for 2024), none without emission', async () => {
    const notComputed = await rows<{ submodule: string; reason: string }>(`SELECT submodule, reason FROM entries WHERE status <> 'computed'`);
    expect(notComputed).toEqual([]);
    const perModule = await rows<{ year: number; module: string; entry_count: number; total_kg: number; status: string }>(
      `SELECT r.year, m.module, m.entry_count, m.total_kg, m.status FROM report_modules m JOIN carbon_reports r ON r.id = m.report_id
       JOIN units u ON u.id = r.unit_id WHERE u.code = 'LAB-CARBON'`,
    );
    for (const module of Object.keys(MODULES)) {
      const row = perModule.find((m) => m.year === 2025 && m.module === module);
      expect(row?.entry_count, module).toBeGreaterThan(0);
      expect(row?.total_kg, module).toBeGreaterThan(0);
    }
    expect(perModule.filter((m) => m.year === 2024 && m.entry_count > 0).length).toBeGreaterThanOrEqual(5);
    const derived = await rows<{ n: string }>(`SELECT count(*) AS n FROM entries WHERE source = 'derived' AND submodule = 'buildings/embodied-energy' AND derived_from_id IS NOT NULL`);
    expect(Number(derived[0]?.n)).toBe(3); // one per demo room entry (1 in 2024, 2 in 2025)
    const loaded = loadDemoSeedData();
    expect(first.entries).toBe(loaded.entries.reduce((n, y) => n + y.entries.length, 0));
  });

  it('shows real numbers in the results: validated totals, per FTE, by scope, year-over-year and IT focus', async () => {
    const repos = createRepositories(database.db);
    const principalUser = await repos.users.findBySubject('principal');
    const principal = { user: principalUser!, grants: [{ role: 'user.principal' as const, scope: { kind: 'unit' as const, unitCode: 'LAB-CARBON' } }] };
    const results = await createReportUseCases(repos).getResults(principal, { unit: 'LAB-CARBON', year: 2025 }, {});
    expect(results.modules).not.toContain('purchases'); // left in progress to show the provisional view
    expect(results.totalTonnesCo2eq).toBeGreaterThan(1);
    expect(results.totalFte).toBeCloseTo(6.8, 9);
    expect(results.tonnesCo2eqPerFte).toBeCloseTo(results.totalTonnesCo2eq / 6.8, 9);
    expect(results.previousTotalTonnesCo2eq).toBeGreaterThan(0);
    expect(results.changePercent).not.toBeNull();
    expect(results.byScope.scope1 + results.byScope.scope2 + results.byScope.scope3).toBeCloseTo(results.totalTonnesCo2eq, 9);
    expect(results.byScope.scope1).toBeGreaterThan(0);
    expect(results.byScope.scope2).toBeGreaterThan(0);
    expect(results.additional.byCategory.map((c) => c.category).sort()).toEqual(['commuting', 'embodied_energy', 'food', 'waste']);
    expect(results.itFocus.tonnesCo2eq).toBeGreaterThan(0);
    const provisional = await createReportUseCases(repos).getResults(principal, { unit: 'LAB-CARBON', year: 2025 }, { provisional: 'true' });
    expect(provisional.totalTonnesCo2eq).toBeGreaterThan(results.totalTonnesCo2eq);
  });

  it('changes nothing when run again', async () => {
    const before = await counts();
    const again = await seedDemo(database.db);
    expect(again).toMatchObject({ entries: 0, yearsKept: [2024, 2025] });
    expect(await counts()).toEqual(before);
    expect((await rows<{ bad: string | null }>('SELECT audit_log_verify() AS bad'))[0]?.bad).toBeNull();
  });
});
