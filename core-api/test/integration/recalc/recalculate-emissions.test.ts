// The recalculate-emissions job on real PostgreSQL: after a factor change the set-based path gives exactly what
// the JS engine gives for the same rows; overrides are untouched; the recalculation writes emission rows only and
// the aggregation it chains brings the module totals after them; entries without a factor are computed once it
// arrives; a factor that no longer applies sends its rows to the engine.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  mergeRecalculations,
  recalculateEmissions,
  recalculateEmissionsJob,
  type RecalculateEmissionsPayload,
} from '../../../src/recalculation/recalculate-emissions.job.js';
import { aggregateReportTotalsJob } from '../../../src/recalculation/aggregate-report-totals.job.js';
import type { ChainedJob, JobContext } from '../../../src/jobs/registry.js';
import { enqueueJob } from '../../../src/repositories/job.repository.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.js';
import { clearImported } from '../imports/import-fixtures.js';
import { comparable, engineVerdict, entryWriter, moduleTotalsVsRows, seedRecalcFixtures, storedEntries } from './recalc-fixtures.js';

let db: MigratedDatabase;
let addEntry: ReturnType<typeof entryWriter>;
beforeAll(async () => {
  db = await createMigratedDatabase('core_recalc');
  const { actor } = await seedRecalcFixtures(db.pool);
  addEntry = entryWriter(db, actor);
});
afterAll(async () => db?.dispose());
beforeEach(async () => {
  await clearImported(db.pool);
  await db.pool.query(`DELETE FROM factors WHERE source = 'recalc-test'`);
  await db.pool.query(`UPDATE factors SET values = values || '{"ef_kg_co2eq_per_km": 0.2906, "rfi_adjustment": 1.35, "min_distance": 0, "max_distance": 2500}'
                       WHERE classification->>'category' = 'short_to_medium_haul'`);
  await db.pool.query(`UPDATE factors SET values = values || '{"ef_kg_co2eq_per_km": 0.1902, "min_distance": 2500}' WHERE classification->>'category' = 'medium_to_long_haul'`);
});

const PLANE = 'professional-travel/plane' as const;
const GASES = 'process-emissions/gases' as const;
const trip = (destination: string, cabin = 'economy', trips = 1) => ({ origin_iata: 'GVA', destination_iata: destination, user_institutional_id: '150322', cabin_class: cabin, number_of_trips: trips });
const noCtx = () => ({ signal: new AbortController().signal, progress: () => undefined });
const recalc = (p: Partial<RecalculateEmissionsPayload> & Pick<RecalculateEmissionsPayload, 'submodule'>) =>
  recalculateEmissions({ db: db.db, pool: db.pool, batchSize: 2 }, { year: 2025, full: false, ...p }, noCtx());
/** The recalculate-emissions job's handler, then the job it chains (the pipeline's aggregation), as the runner would. */
async function recalcPipeline(p: Pick<RecalculateEmissionsPayload, 'submodule'>) {
  const chained: ChainedJob[] = [];
  const ctx: JobContext = { jobId: 'recalc', pipelineId: 'pipeline', attempt: 1, signal: new AbortController().signal, progress: () => undefined, chain: (c) => void chained.push(c) };
  const modulesBefore = (await db.pool.query(`SELECT id, total_kg, totals, status FROM report_modules ORDER BY id`)).rows;
  await recalculateEmissionsJob({ db: db.db, pool: db.pool }).handler({ year: 2025, full: false, ...p }, ctx);
  // The recalculation itself leaves the modules' cached totals to the aggregation.
  expect((await db.pool.query(`SELECT id, total_kg, totals, status FROM report_modules ORDER BY id`)).rows).toEqual(modulesBefore);
  expect(chained).toEqual([{ type: 'aggregate-report-totals', payload: { year: 2025, module: p.submodule.split('/')[0] }, dedupeKey: 'aggregate:2025:pipeline' }]);
  await aggregateReportTotalsJob({ pool: db.pool }).handler(chained[0]!.payload as never, ctx);
}
const factorId = async (category: string) =>
  (await db.pool.query<{ id: string }>(`SELECT id FROM factors WHERE classification->>'category' = $1 AND classification->>'cabin_class' = 'economy'`, [category])).rows[0]!.id;

async function seedTrips() {
  const ids = {
    paris: await addEntry('10208', PLANE, trip('CDG', 'economy', 2)),
    parisOther: await addEntry('10300', PLANE, trip('CDG')),
    newYork: await addEntry('10208', PLANE, trip('JFK')),
    business: await addEntry('10208', PLANE, trip('CDG', 'business')),
    given: await addEntry('10208', PLANE, trip('CDG'), 123.5),
  };
  return ids;
}

describe('a factor value changes', () => {
  it('when the short-haul ef and rfi change, then the set-based result equals the engine’s, row for row', async () => {
    const ids = await seedTrips();
    const before = await storedEntries(db.pool, PLANE);
    const short = await factorId('short_to_medium_haul');
    await db.pool.query(`UPDATE factors SET values = values || '{"ef_kg_co2eq_per_km": 0.3111, "rfi_adjustment": 1.7}', updated_at = now() WHERE id = $1`, [short]);

    const result = await recalc({ submodule: PLANE, factorIds: [short] });

    expect(result.setBased).toEqual({ 'distance_km × ef_kg_co2eq_per_km × rfi_adjustment': 2 });
    expect(result.engine.entries).toBe(1); // the business trip still lacks a factor: re-tried by the engine
    const after = await storedEntries(db.pool, PLANE);
    expect(comparable(after)).toEqual(await engineVerdict(db, PLANE));
    const paris = after.find((e) => e.id === ids.paris)!;
    expect(paris.emissions[0]?.inputs).toMatchObject({ ef_kg_co2eq_per_km: 0.3111, rfi_adjustment: 1.7 });
    expect(paris.total_kg).toBe(paris.emissions[0]!.kg);
    // Untouched: the long-haul trip (its factor did not change) and the given kg CO2-eq.
    for (const id of [ids.newYork, ids.given]) expect(after.find((e) => e.id === id)).toEqual(before.find((e) => e.id === id));
    expect(after.find((e) => e.id === ids.given)).toMatchObject({ total_kg: 123.5, kg_override: 123.5 });
    const audit = await db.pool.query(`SELECT actor_subject, entity_id, year, after FROM audit_log WHERE action = 'emissions.recalculate' ORDER BY id DESC LIMIT 1`);
    expect(audit.rows[0]).toMatchObject({ actor_subject: null, entity_id: PLANE, year: 2025, after: { factorIds: [short], setBased: result.setBased } });
  });

  it('when the factor changes, then after the pipeline every module’s cached total equals the sum of its rows and the breakdown follows', async () => {
    await seedTrips();
    await addEntry('10208', GASES, { category: 'CO2', quantity: 10 });
    await db.pool.query(`UPDATE factors SET values = values || '{"ef_kg_co2eq_per_km": 0.5}', updated_at = now() WHERE id = $1`, [await factorId('short_to_medium_haul')]);
    await recalcPipeline({ submodule: PLANE });
    const totals = await moduleTotalsVsRows(db.pool, 'professional-travel');
    expect(totals).toHaveLength(2);
    for (const t of totals) {
      expect(t.cached).toBeCloseTo(t.summed, 9);
      expect(t.by_submodule[PLANE]).toBeCloseTo(t.summed, 9);
      expect(t.status).toBe('in_progress');
    }
    // Another module of the same unit is not touched.
    expect((await moduleTotalsVsRows(db.pool, 'process-emissions'))[0]).toMatchObject({ cached: 10, summed: 10 });
  });

  it('when nothing changed since the last computation, then no row is rewritten', async () => {
    await seedTrips();
    const result = await recalc({ submodule: PLANE });
    expect(result.setBased).toEqual({});
  });

  it('when a gas factor changes, then the single-row formula of another module is recalculated the same way', async () => {
    await addEntry('10208', GASES, { category: 'Refrigerants', subcategory: 'R134a', quantity: 2 });
    await addEntry('10300', GASES, { category: 'CO2', quantity: 4 });
    await db.pool.query(`UPDATE factors SET values = '{"ef_kg_co2eq_per_unit": 1430}', updated_at = now() WHERE submodule = $1 AND classification->>'category' = 'Refrigerants'`, [GASES]);
    const result = await recalc({ submodule: GASES });
    expect(result.setBased).toEqual({ 'quantity_kg × gwp': 1 });
    expect(comparable(await storedEntries(db.pool, GASES))).toEqual(await engineVerdict(db, GASES));
    await recalcPipeline({ submodule: GASES }); // nothing left to rewrite; the aggregation brings the totals
    expect((await moduleTotalsVsRows(db.pool, 'process-emissions')).map((t) => [t.unit, t.cached])).toEqual([['10208', 2860], ['10300', 4]]);
  });
});

describe('factors that no longer or newly apply', () => {
  it('when a factor arrives for entries that had none, then they become computed (engine) and the totals include them', async () => {
    const ids = await seedTrips();
    expect((await storedEntries(db.pool, PLANE)).find((e) => e.id === ids.business)).toMatchObject({ status: 'not_computed', reason: 'missing_factor' });
    await db.pool.query(
      `INSERT INTO factors (year, submodule, classification, values, unit, source)
       VALUES (2025, $1, '{"category": "short_to_medium_haul", "cabin_class": "business"}',
               '{"ef_kg_co2eq_per_km": 0.4, "rfi_adjustment": 1.35, "min_distance": 0, "max_distance": 2500}', 'kg CO2-eq/km', 'recalc-test')`,
      [PLANE],
    );
    const result = await recalc({ submodule: PLANE });
    expect(result.engine).toEqual({ entries: 1, notComputed: 0 });
    const after = await storedEntries(db.pool, PLANE);
    expect(after.find((e) => e.id === ids.business)).toMatchObject({ status: 'computed', reason: null });
    expect(comparable(after)).toEqual(await engineVerdict(db, PLANE));
    await recalcPipeline({ submodule: PLANE });
    for (const t of await moduleTotalsVsRows(db.pool, 'professional-travel')) expect(t.cached).toBeCloseTo(t.summed, 9);
  });

  it('when a band limit moves a trip to another factor, then its row fails the guard and the engine re-chooses the factor', async () => {
    const ids = await seedTrips();
    const long = await factorId('medium_to_long_haul');
    await db.pool.query(`UPDATE factors SET values = values || '{"max_distance": 300}', updated_at = now() WHERE id = $1`, [await factorId('short_to_medium_haul')]);
    await db.pool.query(`UPDATE factors SET values = values || '{"min_distance": 300}', updated_at = now() WHERE id = $1`, [long]);
    const result = await recalc({ submodule: PLANE });
    expect(result.engine.entries).toBe(3); // two Paris trips (guard) + the business trip (missing factor)
    const after = await storedEntries(db.pool, PLANE);
    expect(comparable(after)).toEqual(await engineVerdict(db, PLANE));
    expect(after.find((e) => e.id === ids.paris)?.emissions[0]?.factor_id).toBe(long);
    await recalcPipeline({ submodule: PLANE });
    for (const t of await moduleTotalsVsRows(db.pool, 'professional-travel')) expect(t.cached).toBeCloseTo(t.summed, 9);
  });

  it('when factors were added (full), then the engine recomputes every entry but the overrides', async () => {
    const ids = await seedTrips();
    const result = await recalc({ submodule: PLANE, full: true });
    expect(result.setBased).toEqual({});
    expect(result.engine.entries).toBe(4);
    expect((await storedEntries(db.pool, PLANE)).find((e) => e.id === ids.given)).toMatchObject({ total_kg: 123.5 });
  });

  it('when the recalculation fails half-way, then nothing of it is kept', async () => {
    const ids = await seedTrips();
    const before = await storedEntries(db.pool, PLANE);
    const audited = async () => (await db.pool.query(`SELECT 1 FROM audit_log WHERE action = 'emissions.recalculate'`)).rowCount;
    const auditedBefore = await audited();
    await db.pool.query(`UPDATE factors SET values = values || '{"ef_kg_co2eq_per_km": 0.9}', updated_at = now() WHERE id = $1`, [await factorId('short_to_medium_haul')]);
    const controller = new AbortController();
    let calls = 0;
    const ctx = { signal: controller.signal, progress: () => (++calls === 2 ? controller.abort() : undefined) };
    await expect(recalculateEmissions({ db: db.db, pool: db.pool }, { submodule: PLANE, year: 2025, full: false }, ctx)).rejects.toThrow(/aborted/);
    expect((await storedEntries(db.pool, PLANE)).find((e) => e.id === ids.paris)).toEqual(before.find((e) => e.id === ids.paris));
    expect(await audited()).toBe(auditedBefore);
  });
});

describe('dedupe', () => {
  it('when two recalculations of one submodule and year are queued, then one job remains with the union of their factors', async () => {
    const def = recalculateEmissionsJob({ db: db.db, pool: db.pool });
    const enqueue = (p: RecalculateEmissionsPayload) =>
      enqueueJob(db.db, { type: def.type, payload: p, dedupeKey: def.dedupeKey!(p), lockKey: def.lockKey!(p) }, (q) => def.mergePayload!(def.payload.parse(q), p));
    const a = await enqueue({ submodule: PLANE, year: 2025, factorIds: ['00000000-0000-4000-8000-000000000001'], full: false });
    const b = await enqueue({ submodule: PLANE, year: 2025, factorIds: ['00000000-0000-4000-8000-000000000002'], full: false });
    const other = await enqueue({ submodule: PLANE, year: 2024, full: false });
    expect(b).toMatchObject({ id: a.id, merged: true });
    expect(other.merged).toBe(false);
    const { rows } = await db.pool.query(`SELECT payload, dedupe_key, lock_key FROM data_ingestion_jobs WHERE id = $1`, [a.id]);
    expect(rows[0]).toEqual({
      payload: { submodule: PLANE, year: 2025, full: false, factorIds: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'] },
      dedupe_key: `recalc:${PLANE}:2025`,
      lock_key: 'year:2025:module:professional-travel',
    });
  });

  it('merges scopes: all factors wins over a list, full wins over set-based', () => {
    const base = { submodule: PLANE, year: 2025 } as const;
    expect(mergeRecalculations({ ...base, factorIds: ['a'], full: false }, { ...base, full: false })).toEqual({ ...base, full: false });
    expect(mergeRecalculations({ ...base, factorIds: ['a'], full: false }, { ...base, factorIds: ['a'], full: true })).toEqual({ ...base, factorIds: ['a'], full: true });
  });
});
