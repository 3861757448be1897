import type { SubmoduleKey } from '@co2/contracts';
import { describe, expect, it } from 'vitest';
import { importFormat, validateImport, type DataFormatId } from '../../../src/imports/index.js';
import { chunked, fixture } from './support.js';

/** The reference's user-facing templates, uploaded unchanged on a unit page (no unit column). */
const cases: [string, DataFormatId, SubmoduleKey | undefined, { accepted: number; rejected: number }][] = [
  ['headcount_template.csv', 'headcount-members', undefined, { accepted: 8, rejected: 0 }],
  ['travel_planes_template.csv', 'travel-planes', undefined, { accepted: 3, rejected: 0 }],
  ['travel_trains_template.csv', 'travel-trains', undefined, { accepted: 1, rejected: 1 }],
  ['building_rooms_template.csv', 'building-rooms', undefined, { accepted: 6, rejected: 0 }],
  ['building_energycombustions_template.csv', 'building-combustion', undefined, { accepted: 7, rejected: 0 }],
  ['equipment_IT_template.csv', 'equipment', undefined, { accepted: 1, rejected: 0 }],
  ['equipment_other_template.csv', 'equipment', undefined, { accepted: 1, rejected: 0 }],
  ['equipment_scientific_template.csv', 'equipment', undefined, { accepted: 1, rejected: 0 }],
  ['external_clouds_template.csv', 'external-cloud', undefined, { accepted: 2, rejected: 10 }],
  ['external_ai_template.csv', 'external-ai', undefined, { accepted: 4, rejected: 15 }],
  ['processemissions_template.csv', 'process-gases', undefined, { accepted: 0, rejected: 51 }],
  ['purchases_common_template.csv', 'purchases', 'purchases/other', { accepted: 1, rejected: 0 }],
  ['purchases_biological_chemical_gaseous_template.csv', 'purchases', 'purchases/bio-chemicals', { accepted: 1, rejected: 0 }],
  ['purchases_consumables_template.csv', 'purchases', 'purchases/consumables', { accepted: 1, rejected: 0 }],
  ['purchases_itequipment_template.csv', 'purchases', 'purchases/it-equipment', { accepted: 1, rejected: 0 }],
  ['purchases_other_template.csv', 'purchases', 'purchases/other', { accepted: 1, rejected: 0 }],
  ['purchases_scientificequipment_template.csv', 'purchases', 'purchases/scientific-equipment', { accepted: 1, rejected: 0 }],
  ['purchases_services_template.csv', 'purchases', 'purchases/services', { accepted: 1, rejected: 0 }],
  ['purchases_vehicles_template.csv', 'purchases', 'purchases/vehicles', { accepted: 1, rejected: 0 }],
  ['purchases_additional_template.csv', 'purchases-centralised', undefined, { accepted: 1, rejected: 0 }],
  ['researchfacilities_common_template.csv', 'research-facilities', undefined, { accepted: 0, rejected: 1 }],
  ['researchfacilities_animals_template.csv', 'animal-facilities', undefined, { accepted: 1, rejected: 0 }],
];

describe("the reference's CSV templates, uploaded unchanged", () => {
  it.each(cases)('%s as %s', async (name, format, submodule, expected) => {
    const report = await validateImport(chunked(fixture(`templates/${name}`), 50), importFormat(format), { mode: 'unit-specific', submodule });
    expect(report.fileError).toBeNull();
    expect(report.rows).toMatchObject(expected);
    expect(report.status).toBe(expected.accepted === 0 ? 'error' : expected.rejected > 0 ? 'warning' : 'success');
  });

  it('the trains template is windows-1252; its instruction row is rejected naming the empty columns', async () => {
    const report = await validateImport(chunked(fixture('templates/travel_trains_template.csv')), importFormat('travel-trains'), { mode: 'unit-specific' });
    expect(report.encoding).toBe('windows-1252');
    expect(report.rejected[0]?.line).toBe(2);
    expect(report.rejected[0]?.issues.map((i) => i.column)).toEqual(['destination_name', 'user_institutional_id', 'cabin_class']);
  });

  it("the research-facilities template's shifted row is rejected on its use column", async () => {
    const report = await validateImport(chunked(fixture('templates/researchfacilities_common_template.csv')), importFormat('research-facilities'), { mode: 'unit-specific' });
    expect(report.rejected).toEqual([{ line: 2, issues: [{ column: 'use', message: 'must be a number (got "CHF")' }, { column: 'use_unit', message: 'is required' }] }]);
  });

  it('placeholder rows of the cloud template are rejected one by one with their line', async () => {
    const report = await validateImport(chunked(fixture('templates/external_clouds_template.csv')), importFormat('external-cloud'), { mode: 'unit-specific' });
    expect(report.rejected.map((r) => r.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(report.rejected[0]?.issues).toEqual([{ column: 'spent_amount', message: 'is required' }]);
  });
});
