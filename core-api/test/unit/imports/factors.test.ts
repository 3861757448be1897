import { describe, expect, it } from 'vitest';
import { importFormat, runImport, type AcceptedRow, type FactorRow, type ImportOptions } from '../../../src/imports/index.js';
import { chunked, csv, fixture } from './support.js';

async function load(input: string | Uint8Array, options: Partial<ImportOptions<FactorRow>> = {}) {
  const rows: AcceptedRow<FactorRow>[] = [];
  const report = await runImport(chunked(input, 40), importFormat('factors'), { mode: 'per-year', year: 2025, onBatch: async (b) => void rows.push(...b), ...options });
  return { report, rows };
}

const PLANE = 'category,cabin_class,min_distance,max_distance,ef_kg_co2eq_per_km,rfi_adjustment';

describe('factor files', () => {
  it("the reference's purchases factor file routes each row by purchase_category; lookup keys classify, the rest are values", async () => {
    const { report, rows } = await load(fixture('purchases_common_factors_smoke.csv'));
    expect(report.status).toBe('success');
    expect(report.accepted).toEqual({
      'purchases/bio-chemicals': 5,
      'purchases/consumables': 1,
      'purchases/it-equipment': 1,
      'purchases/scientific-equipment': 1,
      'purchases/services': 3,
    });
    expect(rows[0]?.value).toEqual({
      submodule: 'purchases/bio-chemicals',
      emissionType: null,
      classification: { currency: 'eur', purchase_institutional_code: '12000000', purchase_additional_code: 'N' },
      values: { purchase_institutional_description: 'Produits chimiques, biochimiques et gazeux', ef_kg_co2eq_per_currency: 0.5 },
      unit: null,
      source: null,
      relativeUncertainty: null,
    });
    // Same UNSPSC code without a NACRES code is another factor (line 11), not a duplicate of line 4.
    expect(rows.find((r) => r.line === 11)?.value.classification).toEqual({ currency: 'eur', purchase_institutional_code: '51100000' });
  });

  it('a plane factor file for the chosen submodule keeps band bounds and factors as numbers', async () => {
    const { rows } = await load(csv(PLANE, 'short_to_medium_haul,economy,0,2500,0.2906,1.35'), { submodule: 'professional-travel/plane' });
    expect(rows[0]?.value).toMatchObject({ classification: { category: 'short_to_medium_haul', cabin_class: 'economy' }, values: { min_distance: 0, max_distance: 2500, ef_kg_co2eq_per_km: 0.2906, rfi_adjustment: 1.35 } });
  });

  it('rows with a duplicate identity, a negative factor, no number, a wrong year or an unknown emission type are rejected', async () => {
    const { report } = await load(
      csv(
        `${PLANE},year,emission_type`,
        'short_to_medium_haul,economy,0,2500,0.2906,1.35,2025,',
        'Short_To_Medium_Haul,ECONOMY,0,2500,0.3,1.35,,',
        'medium_to_long_haul,economy,2500,999999,-0.19,1.35,,',
        'medium_to_long_haul,business,,,n/a,,,',
        'medium_to_long_haul,first,2500,999999,0.6,1.35,2024,',
        'medium_to_long_haul,premium,2500,999999,0.6,1.35,,plane__nope',
      ),
      { submodule: 'professional-travel/plane' },
    );
    expect(report.rows).toMatchObject({ read: 6, accepted: 1, rejected: 5 });
    expect(report.rejected).toEqual([
      { line: 3, issues: [{ column: 'category', message: 'duplicates line 2' }] },
      { line: 4, issues: [{ column: 'ef_kg_co2eq_per_km', message: 'must be ≥ 0 (got "-0.19")' }] },
      { line: 5, issues: [{ message: expect.stringMatching(/no numeric factor value/) }] },
      { line: 6, issues: [{ column: 'year', message: 'is 2024, but the import is for 2025' }] },
      { line: 7, issues: [{ column: 'emission_type', message: 'is not a known emission type (got "plane__nope")' }] },
    ]);
  });

  it('an unknown routing value names the column and the accepted values', async () => {
    const { report } = await load(csv('equipment_category,equipment_class,active_power_w', 'lab,Laptop,30'));
    expect(report.rejected[0]?.issues).toEqual([{ column: 'equipment_category', message: 'must be one of scientific, it, other (got "lab")' }]);
  });
});
