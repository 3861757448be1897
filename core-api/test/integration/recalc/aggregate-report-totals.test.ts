// The aggregate-report-totals job: the set-based refresh writes what the per-module JS refresh writes, only
// where figures differ, and reopens a validated module only for a real change.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aggregateReportTotalsJob, mergeAggregationScopes } from '../../../src/recalculation/aggregate-report-totals.job.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.js';
import { clearImported, jobContext } from '../imports/import-fixtures.js';
import { entryWriter, seedRecalcFixtures } from './recalc-fixtures.js';

let db: MigratedDatabase;
let addEntry: ReturnType<typeof entryWriter>;
let actorId: string;
beforeAll(async () => {
  db = await createMigratedDatabase('core_aggregate');
  const { actor } = await seedRecalcFixtures(db.pool);
  actorId = actor.id;
  addEntry = entryWriter(db, actor);
});
afterAll(async () => db?.dispose());
beforeEach(async () => clearImported(db.pool));

const modules = async () =>
  (await db.pool.query(`SELECT id, total_kg, entry_count, totals, status FROM report_modules ORDER BY id`)).rows as {
    id: string; total_kg: number; entry_count: number; totals: Record<string, unknown>; status: string;
  }[];
const aggregate = (payload: { year: number; module?: 'professional-travel' | 'process-emissions'; unitCode?: string }) =>
  aggregateReportTotalsJob({ pool: db.pool }).handler(payload, jobContext().ctx) as Promise<{ modules: number; changed: number }>;

async function seed() {
  const trip = { origin_iata: 'GVA', destination_iata: 'CDG', user_institutional_id: '1', cabin_class: 'economy', number_of_trips: 1 };
  await addEntry('10208', 'professional-travel/plane', trip);
  await addEntry('10208', 'professional-travel/plane', { ...trip, destination_iata: 'JFK' });
  await addEntry('10208', 'professional-travel/plane', { ...trip, cabin_class: 'business' });
  await addEntry('10208', 'process-emissions/gases', { category: 'CO2', quantity: 3 });
  await addEntry('10300', 'process-emissions/gases', { category: 'Refrigerants', subcategory: 'R134a', quantity: 1 });
}

describe('aggregate-report-totals', () => {
  it('when the cached totals are wrong, then the job writes exactly what the per-module refresh writes', async () => {
    await seed();
    const expected = await modules(); // written by the entry write path: the per-module JS refresh (refreshModuleTotals)
    await db.pool.query(`UPDATE report_modules SET total_kg = 0, entry_count = 0, totals = '{}' WHERE entry_count > 0`);
    const out = await aggregate({ year: 2025 });
    expect(out).toEqual({ modules: 16, changed: 3 });
    const actual = await modules();
    expect(actual.map((m) => [m.id, m.entry_count, m.status])).toEqual(expected.map((m) => [m.id, m.entry_count, m.status]));
    for (const [i, m] of actual.entries()) {
      expect(m.total_kg).toBeCloseTo(expected[i]!.total_kg, 9);
      expect(m.totals).toEqual(expected[i]!.totals); // same sums in the same order: identical floats
    }
    const travel = actual.find((m) => m.total_kg > 0 && (m.totals.bySubmodule as Record<string, number>)['professional-travel/plane']);
    expect(travel?.totals.byCategory).toEqual({ professional_travel: travel?.total_kg });
  });

  it('when the figures are right, then nothing is written and a validated module stays validated', async () => {
    await seed();
    await db.pool.query(`UPDATE report_modules SET status = 'validated', validated_at = now(), validated_by = $1 WHERE total_kg > 0`, [actorId]);
    const before = await modules();
    const out = await aggregate({ year: 2025, module: 'process-emissions' });
    expect(out.modules).toBe(8 / 4); // the module of each of the two units
    expect((await modules()).map((m) => m.status)).toEqual(before.map((m) => m.status));
    expect((await modules()).filter((m) => m.status === 'validated')).toHaveLength(3);
  });

  it('when a real change is found, then the validated module is reopened', async () => {
    await seed();
    await db.pool.query(`UPDATE report_modules SET status = 'validated', validated_at = now(), validated_by = $1 WHERE total_kg > 0`, [actorId]);
    await db.pool.query(`UPDATE entry_emissions SET kg_co2eq = kg_co2eq + 1 WHERE emission_type LIKE 'process%'`);
    await aggregate({ year: 2025, unitCode: '10300', module: 'process-emissions' });
    const statuses = (await db.pool.query(`SELECT u.code, rm.module, rm.status FROM report_modules rm JOIN carbon_reports cr ON cr.id = rm.report_id JOIN units u ON u.id = cr.unit_id WHERE rm.total_kg > 0 ORDER BY 1, 2`)).rows;
    expect(statuses).toEqual([
      { code: '10208', module: 'process-emissions', status: 'validated' }, // out of the unit scope
      { code: '10208', module: 'professional-travel', status: 'validated' },
      { code: '10300', module: 'process-emissions', status: 'in_progress' },
    ]);
  });

  it('merges two scopes of a pipeline into what they share', () => {
    expect(mergeAggregationScopes({ year: 2025, module: 'buildings' }, { year: 2025, module: 'buildings', unitCode: 'X' })).toEqual({ year: 2025, module: 'buildings' });
    expect(mergeAggregationScopes({ year: 2025, module: 'buildings' }, { year: 2025, module: 'equipment' })).toEqual({ year: 2025 });
  });
});
