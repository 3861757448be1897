import type { SubmoduleKey } from '@co2/contracts';
import { describe, expect, it } from 'vitest';
import { importFormat, inMemoryLookups, runImport, type AcceptedRow, type DataFormatId, type DataRow, type ImportMode } from '../../../src/imports/index.js';
import { chunked, fixture } from './support.js';

const { lookups } = inMemoryLookups({
  airports: ['GVA', 'CDG', 'ZRH', 'JFK', 'LHR'],
  stations: [{ name: 'Geneva', countryCode: 'CH' }, { name: 'Lausanne', countryCode: 'CH' }],
  rooms: [{ building: 'BC', room: 'BC-150' }],
  units: ['SEED-BC-0', 'TC-TRAVEL-1', 'U-10208'],
});

async function load(name: string, format: DataFormatId, mode: ImportMode, submodule?: SubmoduleKey) {
  const rows: AcceptedRow<DataRow>[] = [];
  const report = await runImport(chunked(fixture(name), 32), importFormat(format), {
    mode,
    submodule,
    lookups,
    onBatch: async (batch) => void rows.push(...batch),
  });
  return { report, rows };
}

describe("the reference's test fixtures", () => {
  it('planes (per year): both flights of unit TC-TRAVEL-1 are accepted on lines 2 and 3', async () => {
    const { report, rows } = await load('travel_planes_smoke.csv', 'travel-planes', 'per-year');
    expect(report).toMatchObject({ status: 'success', rows: { read: 2, accepted: 2, rejected: 0 } });
    expect(rows).toEqual([
      { line: 2, target: 'professional-travel/plane', value: { submodule: 'professional-travel/plane', unitInstitutionalId: 'TC-TRAVEL-1', data: { origin_iata: 'GVA', destination_iata: 'CDG', user_institutional_id: 'U-001', cabin_class: 'economy', departure_date: '2025-03-10', number_of_trips: 1 } } },
      { line: 3, target: 'professional-travel/plane', value: { submodule: 'professional-travel/plane', unitInstitutionalId: 'TC-TRAVEL-1', data: { origin_iata: 'CDG', destination_iata: 'GVA', user_institutional_id: 'U-002', cabin_class: 'economy', departure_date: '2025-04-15', number_of_trips: 2 } } },
    ]);
  });

  it('planes with an unknown IATA code: the entry is kept, with a notice on the destination', async () => {
    const { report, rows } = await load('travel_planes_unknown_iata.csv', 'travel-planes', 'per-year');
    expect(report).toMatchObject({ status: 'warning', rows: { accepted: 1, notices: 1 } });
    expect(report.notices).toEqual([{ line: 2, issues: [{ column: 'destination_iata', message: 'unknown airport "XXX"' }] }]);
    expect(rows).toHaveLength(1);
  });

  it('plane overrides: kg_co2eq moves out of the data into the override, departure date is optional', async () => {
    const { report, rows } = await load('regression_kg_co2eq_plane.csv', 'travel-planes', 'unit-specific');
    expect(report.status).toBe('success');
    expect(rows.map((r) => r.value.kgCo2eqOverride)).toEqual([152.685, 420.5, 380]);
    expect(rows.every((r) => !('kg_co2eq' in r.value.data))).toBe(true);
    expect(rows[2]?.value.data).toMatchObject({ origin_iata: 'GVA', destination_iata: 'LHR', cabin_class: 'business', number_of_trips: 2 });
  });

  it('trains: known stations are accepted; Atlantis is kept with a notice naming it', async () => {
    expect((await load('travel_trains_smoke.csv', 'travel-trains', 'per-year')).report).toMatchObject({ status: 'success', rows: { accepted: 2 } });
    const unknown = await load('travel_trains_unknown_station.csv', 'travel-trains', 'per-year');
    expect(unknown.report.notices).toEqual([{ line: 2, issues: [{ column: 'destination_name', message: 'unknown station "Atlantis, CH"' }] }]);
  });

  it('the legacy headcount smoke file (position_category, no sius_code) is refused as a whole', async () => {
    const { report } = await load('headcount_smoke.csv', 'headcount-members', 'unit-specific');
    expect(report).toMatchObject({ status: 'error', fileError: { code: 'missing_columns' } });
  });

  it.each([
    ['building_energycombustions_smoke.csv', 'building-combustion', undefined, 'buildings/combustion', { name: 'Natural gas', unit: 'kWh', quantity: 1000 }],
    ['building_rooms_smoke.csv', 'building-rooms', undefined, 'buildings/rooms', { building_name: 'BC', room_name: 'BC-150', room_type: 'office' }],
    ['equipments_smoke.csv', 'equipment', 'equipment/it', 'equipment/it', { equipment_id: 'INV-0001', equipment_class: 'Laptop', sub_class: 'Standard', active_usage_hours_per_week: 40, standby_usage_hours_per_week: 128 }],
    ['external_clouds_smoke.csv', 'external-cloud', undefined, 'external-cloud-ai/cloud', { provider: 'AWS', service_type: 'compute', spent_amount: 200, currency: 'eur' }],
    ['process_emissions_smoke.csv', 'process-gases', undefined, 'process-emissions/gases', { category: 'co2', subcategory: 'industrial', quantity: 100 }],
    ['purchases_common_smoke.csv', 'purchases', 'purchases/it-equipment', 'purchases/it-equipment', { name: 'Smoke Microscope', purchase_institutional_code: 'PIC-IT', total_spent_amount: 200, currency: 'eur' }],
    ['researchfacilities_common_smoke.csv', 'research-facilities', undefined, 'research-facilities/facilities', { researchfacility_id: 'RF-001', use: 10, use_unit: 'hours' }],
  ] as const)('%s (per year) → 2 rows of %s', async (name, format, submodule, target, first) => {
    const { report, rows } = await load(name, format, 'per-year', submodule);
    expect(report.rows).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    expect(report.accepted).toEqual({ [target]: 2 });
    expect(rows[0]?.value.data).toMatchObject(first);
    expect(rows[0]?.value.unitInstitutionalId).toMatch(/SEED-BC-0|U-10208/);
  });

  it('rooms: a room missing from the building reference is kept with a notice', async () => {
    const { report } = await load('building_rooms_smoke.csv', 'building-rooms', 'per-year');
    expect(report.notices).toEqual([{ line: 3, issues: [{ column: 'room_name', message: 'unknown room "BC / BC-200"' }] }]);
  });

  it('per year: a unit that does not exist rejects its rows', async () => {
    const other = await runImport(chunked(fixture('equipments_smoke.csv', 'NO-SUCH-UNIT')), importFormat('equipment'), { mode: 'per-year', submodule: 'equipment/it', lookups });
    expect(other).toMatchObject({ status: 'error', rows: { rejected: 2 } });
    expect(other.rejected[0]).toEqual({ line: 2, issues: [{ column: 'unit_institutional_id', message: 'unknown unit "NO-SUCH-UNIT"' }] });
  });
});
