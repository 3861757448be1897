// Benchmark (prints figures, not a test): institution reporting across 500 labs holding 1,000,000 entries.
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx core-api/bench/institution-reporting.ts [labs] [entries]
// Seeds a scratch database: the demo units plus 5 faculties × 4 institutes × 25 labs, each lab's 2025 report with
// eight modules (about 60 % validated) and entries with one emission each spread evenly; the cached module totals
// are then set from the emission rows in one SQL statement (the sums the write path keeps). Times the reporting
// use cases in process (repository + PostgreSQL, no HTTP, no token check).
import { MODULES, type ModuleKey } from '@co2/contracts';
import { createTestDatabase } from '@co2/deploy/testing';
import { createDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { createExportReporting, createGetReporting } from '../src/domain/reporting/reporting.js';
import { DEMO_UNITS } from '../src/domain/units/demo-units.js';
import { toUnitDrafts, type UnitNode } from '../src/domain/units/unit-tree.js';
import { createRepositories } from '../src/repositories/index.js';
import { createTimer } from './timing.js';

const LABS = Number(process.argv[2] ?? 500);
const ENTRIES = Number(process.argv[3] ?? 1_000_000);
/** One submodule and one booked emission type per module. */
const SHAPE: Record<ModuleKey, [submodule: string, type: string, id: number, scope: number, category: string]> = {
  headcount: ['headcount/member', 'food__vegetarian', 10001, 3, 'food'],
  'professional-travel': ['professional-travel/plane', 'professional_travel__plane__eco', 50203, 3, 'professional_travel'],
  buildings: ['buildings/combustion', 'buildings__combustion__natural_gas', 60201, 1, 'buildings_energy_combustion'],
  equipment: ['equipment/scientific', 'equipment__scientific', 80100, 2, 'equipment'],
  purchases: ['purchases/it-equipment', 'purchases__it_equipment', 90300, 3, 'purchases'],
  'external-cloud-ai': ['external-cloud-ai/cloud', 'external__clouds__calcul', 110102, 3, 'external_cloud_and_ai'],
  'process-emissions': ['process-emissions/gases', 'process_emissions__co2', 70200, 1, 'process_emissions'],
  'research-facilities': ['research-facilities/facilities', 'research_facilities__facilities', 100100, 3, 'research_facilities'],
};

const { time, baseline } = createTimer(52);


const testDb = await createTestDatabase('bench_reporting');
const handle = createDatabase(testDb.url, { onPoolError: () => {}, max: 4 });
try {
  await runMigrations(handle.pool);
  await baseline(() => handle.pool.query('SELECT 1'));
  await seedDemo(handle.db);
  const repos = createRepositories(handle.db);
  const nodes: UnitNode[] = [...DEMO_UNITS];
  const name = (code: string) => ({ name: code, nameFr: code, nameDe: null });
  for (let f = 1; f <= 5; f++) {
    nodes.push({ code: `BF${f}`, parentCode: 'UNIV', ...name(`Bench faculty ${f}`) });
    for (let i = 1; i <= 4; i++) nodes.push({ code: `BF${f}-I${i}`, parentCode: `BF${f}`, ...name(`Bench institute ${f}.${i}`) });
  }
  for (let l = 0; l < LABS; l++) nodes.push({ code: `BL${String(l + 1).padStart(4, '0')}`, parentCode: `BF${(l % 5) + 1}-I${(Math.floor(l / 5) % 4) + 1}`, ...name(`Bench lab ${l + 1}`) });
  await repos.units.upsertByCode(toUnitDrafts(nodes));

  let t = performance.now();
  const perModule = Math.max(1, Math.round(ENTRIES / (LABS * 8)));
  await handle.pool.query(`INSERT INTO carbon_reports (unit_id, year) SELECT id, 2025 FROM units WHERE code LIKE 'BL%'`);
  await handle.pool.query(
    `INSERT INTO report_modules (report_id, module) SELECT r.id, m FROM carbon_reports r JOIN units u ON u.id = r.unit_id, unnest($1::text[]) m WHERE u.code LIKE 'BL%'`,
    [Object.keys(MODULES)],
  );
  for (const [module, [submodule, type, id, scope, category]] of Object.entries(SHAPE)) {
    await handle.pool.query(
      `WITH e AS (INSERT INTO entries (report_module_id, submodule, data, status, total_kg)
         SELECT m.id, $2, '{}'::jsonb, 'computed', (g % 50) + 1 FROM report_modules m CROSS JOIN generate_series(1, $3) g WHERE m.module = $1
           AND m.report_id IN (SELECT r.id FROM carbon_reports r JOIN units u ON u.id = r.unit_id WHERE u.code LIKE 'BL%')
         RETURNING id, total_kg)
       INSERT INTO entry_emissions (entry_id, emission_type_id, emission_type, scope, category, additional, kg_co2eq, formula)
       SELECT id, $4, $5, $6, $7, $8, total_kg, 'bench' FROM e`,
      [module, submodule, perModule, id, type, scope, category, module === 'headcount'],
    );
  }
  console.log(`inserted ${perModule * 8 * LABS} entries + emissions in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  await handle.pool.query(`
    UPDATE report_modules m SET entry_count = s.n, total_kg = s.kg,
      totals = jsonb_build_object('additionalKg', s.additional, 'byEmissionType', jsonb_build_object(s.type, s.kg)),
      status = CASE WHEN hashtext(m.id::text) % 10 < 6 THEN 'validated' ELSE 'in_progress' END,
      validated_at = CASE WHEN hashtext(m.id::text) % 10 < 6 THEN now() END
    FROM (SELECT e.report_module_id AS id, count(*) AS n, sum(x.kg_co2eq) AS kg, sum(CASE WHEN x.additional THEN x.kg_co2eq ELSE 0 END) AS additional, min(x.emission_type) AS type
          FROM entries e JOIN entry_emissions x ON x.entry_id = e.id GROUP BY e.report_module_id) s
    WHERE m.id = s.id`);
  await handle.pool.query('ANALYZE');
  console.log(`cached module totals set in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const getReporting = createGetReporting({ units: repos.units, reports: repos.reports });
  const exportReporting = createExportReporting({ units: repos.units, reports: repos.reports });
  const user = { id: '00000000-0000-4000-8000-000000000000', subject: 'bench', email: null, displayName: 'bench', institutionalId: null };
  const admin = { user, grants: [{ role: 'backoffice.admin' as const, scope: { kind: 'global' as const } }] };
  const faculty = { user, grants: [{ role: 'backoffice.metier' as const, scope: { kind: 'affiliation' as const, unitCode: 'BF1' } }] };
  const first = await getReporting(admin, { year: 2025, page: 1, pageSize: 100 });
  console.log(`reporting: ${first.summary.labs} labs, ${first.summary.validatedTonnesCo2eq.toFixed(0)} t validated`);
  await time(`institution (admin, ${first.summary.labs} labs, page of 100)`, 200, () => getReporting(admin, { year: 2025, page: 1, pageSize: 100 }));
  await time('institution filtered (status=in_progress)', 200, () => getReporting(admin, { year: 2025, status: 'in_progress', page: 1, pageSize: 100 }));
  await time(`faculty (metier BF1, ${LABS / 5} labs)`, 200, () => getReporting(faculty, { year: 2025, page: 1, pageSize: 100 }));
  await time('CSV export (admin, all labs)', 50, () => exportReporting(admin, { year: 2025 }));
} finally {
  await handle.close();
  await testDb.drop();
}
