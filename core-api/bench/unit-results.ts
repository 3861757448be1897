// Benchmark (prints figures, not a test): results of one lab with 10,000 entries.
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx core-api/bench/unit-results.ts [entries]
// Creates a scratch database on that server, seeds the demo data, bulk-inserts entries with one emission each
// spread over four modules of LAB-CARBON 2025, refreshes the cached totals through the real write path, then
// times the use cases in process (repository + PostgreSQL, no HTTP, no token check).
import { createTestDatabase } from '@co2/deploy/testing';
import type { ModuleKey } from '@co2/contracts';
import { createDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { createEntryUseCases } from '../src/domain/entries/index.js';
import { createReportUseCases } from '../src/domain/reports/index.js';
import { createRepositories } from '../src/repositories/index.js';
import { createTimer } from './timing.js';

const TOTAL = Number(process.argv[2] ?? 10_000);
const SHAPES: { module: ModuleKey; submodule: string; emissionType: string; id: number; scope: number; category: string }[] = [
  { module: 'equipment', submodule: 'equipment/scientific', emissionType: 'equipment__scientific', id: 80100, scope: 2, category: 'equipment' },
  { module: 'professional-travel', submodule: 'professional-travel/plane', emissionType: 'professional_travel__plane__eco', id: 50203, scope: 3, category: 'professional_travel' },
  { module: 'process-emissions', submodule: 'process-emissions/gases', emissionType: 'process_emissions__co2', id: 70200, scope: 1, category: 'process_emissions' },
  { module: 'purchases', submodule: 'purchases/it-equipment', emissionType: 'purchases__it_equipment', id: 90300, scope: 3, category: 'purchases' },
];

const { time, baseline } = createTimer(48);


const testDb = await createTestDatabase('bench_results');
const handle = createDatabase(testDb.url, { onPoolError: () => {}, max: 4 });
try {
  await runMigrations(handle.pool);
  await baseline(() => handle.pool.query('SELECT 1'));
  await seedDemo(handle.db);
  const repos = createRepositories(handle.db);
  const unit = (await repos.units.findByCode('LAB-CARBON'))!;
  const user = (await repos.users.findBySubject('principal'))!;
  const principal = { user, grants: [{ role: 'user.principal' as const, scope: { kind: 'unit' as const, unitCode: 'LAB-CARBON' } }] };

  const started = performance.now();
  for (const [i, s] of SHAPES.entries()) {
    const n = Math.floor(TOTAL / SHAPES.length) + (i < TOTAL % SHAPES.length ? 1 : 0);
    await handle.pool.query(
      `WITH m AS (SELECT m.id FROM report_modules m JOIN carbon_reports r ON r.id = m.report_id WHERE r.unit_id = $1 AND r.year = 2025 AND m.module = $2),
       e AS (INSERT INTO entries (report_module_id, submodule, data, status, total_kg, author_id)
             SELECT m.id, $3, jsonb_build_object('bench', g), 'computed', (g % 100) + 1, $4 FROM m, generate_series(1, $5) g RETURNING id, total_kg)
       INSERT INTO entry_emissions (entry_id, emission_type_id, emission_type, scope, category, kg_co2eq, formula)
       SELECT id, $6, $7, $8, $9, total_kg, 'bench' FROM e`,
      [unit.id, s.module, s.submodule, user.id, n, s.id, s.emissionType, s.scope, s.category],
    );
  }
  console.log(`inserted ${TOTAL} entries + emissions in ${(performance.now() - started).toFixed(0)} ms`);
  await handle.pool.query('ANALYZE');

  // One real write per module refreshes the cached totals (the production path), and times a write at this size.
  const entriesUc = createEntryUseCases(repos);
  const gas = { unit: 'LAB-CARBON', year: 2025, module: 'process-emissions' as const, submodule: 'gases' };
  await time(`entry create (process module of ~${Math.round(TOTAL / 4)} entries)`, 30, () => entriesUc.createEntry(principal, gas, { data: { category: 'CO2', quantity: 1 } }));
  for (const s of SHAPES.filter((x) => x.module !== 'process-emissions')) {
    const [module, sub] = s.submodule.split('/') as [ModuleKey, string];
    if (module === 'equipment') await entriesUc.createEntry(principal, { unit: 'LAB-CARBON', year: 2025, module, submodule: sub }, { data: { equipment_id: 'B', name: 'bench', equipment_class: 'Servers' } });
    if (module === 'purchases') await entriesUc.createEntry(principal, { unit: 'LAB-CARBON', year: 2025, module, submodule: sub }, { data: { name: 'bench', total_spent_amount: 1, purchase_institutional_code: '43210000' } });
    if (module === 'professional-travel') await entriesUc.createEntry(principal, { unit: 'LAB-CARBON', year: 2025, module, submodule: sub }, { data: { origin_iata: 'GVA', destination_iata: 'CDG', user_institutional_id: '1', cabin_class: 'economy' } });
  }
  const reportsUc = createReportUseCases(repos);
  const where = { unit: 'LAB-CARBON', year: 2025 };
  const r = await reportsUc.getResults(principal, where, { provisional: 'true' });
  console.log(`results: ${r.totalTonnesCo2eq.toFixed(1)} t over ${r.modules.length} modules (provisional)`);
  await time('GET results (validated)', 500, () => reportsUc.getResults(principal, where, {}));
  await time('GET results (provisional)', 500, () => reportsUc.getResults(principal, where, { provisional: 'true' }));
  await time('GET report', 500, () => reportsUc.getReport(principal, where));
  await time('GET evolution', 500, () => reportsUc.getEvolution(principal, { unit: 'LAB-CARBON' }));
} finally {
  await handle.close();
  await testDb.drop();
}
