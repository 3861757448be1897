import { describe, expect, it } from 'vitest';
import type { Factor } from '../../../src/domain/modules/index.js';
import { keyBasedKg } from '../../../src/domain/modules/formula.js';
import { computeReportStats } from '../../../src/domain/results/report-stats.js';
import { compute, context, eastOfOrigin, factor, ORIGIN } from '../../support/engine.js';

// Reference §10, examples 9–14.
const member = (fte: number, id = '100001') => ({ name: `Person ${id}`, sius_code: '53', user_institutional_id: id, fte });
const fteFactors = (submodule: 'headcount/member' | 'headcount/student', foodEf = 1.0): Factor[] => [
  factor(submodule, { headcount_category: 'food', headcount_class: 'vegetarian' }, { ef_kg_co2eq_per_unit: foodEf, number_of_unit_per_fte: 100 }, { emissionType: 'food__vegetarian' }),
  factor(submodule, { headcount_category: 'waste', headcount_class: 'incineration' }, { ef_kg_co2eq_per_unit: 0.5, number_of_unit_per_fte: 50 }, { emissionType: 'waste__incineration' }),
  factor(submodule, { headcount_category: 'commuting', headcount_class: 'public_transport' }, { ef_kg_co2eq_per_unit: 0.2, number_of_unit_per_fte: 200 }, { emissionType: 'commuting__public_transport' }),
];

describe('worked examples §10: formula and headcount', () => {
  it('#9 key-based formula: fte 0.8 × 420 = 336.0', () => {
    expect(keyBasedKg(0.8, { ef: 420 }, 'ef')).toBeCloseTo(336.0, 9);
  });

  it('#10 with a multiplier: 1000 km × 0.15 × RFI 2.0 = 300.0; multiplier missing → its default 2.0: 1 × 100 × 2.0 = 200.0', () => {
    expect(keyBasedKg(1000, { ef: 0.15, rfi: 2.0 }, 'ef', { key: 'rfi', default: 1 })).toBeCloseTo(300.0, 9);
    expect(keyBasedKg(1, { ef: 100 }, 'ef', { key: 'rfi', default: 2.0 })).toBeCloseTo(200.0, 9);
  });

  it('#11 changed (strict data): 100 km × 0.2 = 20.0; a stray kg_co2eq in the data is refused (invalid_data), never used; an override of 42 gives one row of 42.0 without factor', () => {
    const stations = [{ name: 'A', ...ORIGIN('CH') }, { name: 'B', ...eastOfOrigin(83, 'CH') }]; // 83 km × 1.2 = 100 km
    const trip = { origin_name: 'A', destination_name: 'B', cabin_class: 'second', user_institutional_id: '100001' };
    const f = factor('professional-travel/train', { country_code: 'CH' }, { ef_kg_co2eq_per_km: 0.2 });
    const ctx = context({ stations });
    const plain = compute('professional-travel/train', trip, [f], ctx);
    expect(plain.emissions[0]).toMatchObject({ quantity: 100 });
    expect(plain.emissions[0]?.kgCo2eq).toBeCloseTo(20.0, 9);
    const stray = compute('professional-travel/train', { ...trip, kg_co2eq: 99999 }, [f], ctx);
    expect(stray).toMatchObject({ status: 'not_computed', reason: 'invalid_data', emissions: [] });
    const override = compute('professional-travel/train', trip, [f], context({ stations }, { override: 42 }));
    expect(override.emissions).toEqual([expect.objectContaining({ kgCo2eq: 42.0, factorId: null })]);
  });

  it('#12 member fte 1.0: commuting 4000 km per FTE → quantity 4000 km; food 160 kg per FTE → 160 kg', () => {
    const factors = [
      factor('headcount/member', { headcount_category: 'commuting', headcount_class: 'car' }, { ef_kg_co2eq_per_unit: 0.2, number_of_unit_per_fte: 4000 }, { emissionType: 'commuting__car' }),
      factor('headcount/member', { headcount_category: 'food', headcount_class: 'non_vegetarian' }, { ef_kg_co2eq_per_unit: 2, number_of_unit_per_fte: 160 }, { emissionType: 'food__non_vegetarian' }),
    ];
    const rows = compute('headcount/member', member(1.0), factors).emissions;
    expect(rows.find((r) => r.category === 'commuting')).toMatchObject({ quantity: 4000, quantityUnit: 'km' });
    expect(rows.find((r) => r.category === 'food')).toMatchObject({ quantity: 160, quantityUnit: 'kg' });
  });

  it('#13 members fte 1.0, 0.8, 0.5 → per entry 100 / 25 / 40 at fte 1; module food 230, waste 57.5, commuting 92, total 379.5, 3 entries', () => {
    const factors = fteFactors('headcount/member');
    const results = [member(1.0, '1'), member(0.8, '2'), member(0.5, '3')].map((m) => compute('headcount/member', m, factors));
    expect(results[0]!.emissions.map((e) => e.kgCo2eq)).toEqual([100, 25, 40]);
    const stats = computeReportStats(results.flatMap((r) => r.emissions.map((e) => ({ module: 'headcount' as const, ...e }))), new Set());
    const byRoot = (root: string) => Object.entries(stats.byEmissionType).filter(([k]) => k.startsWith(root)).reduce((s, [, v]) => s + v, 0);
    expect(byRoot('food')).toBeCloseTo(230, 9);
    expect(byRoot('waste')).toBeCloseTo(57.5, 9);
    expect(byRoot('commuting')).toBeCloseTo(92, 9);
    expect(stats.total).toBeCloseTo(379.5, 9);
    expect(results.filter((r) => r.status === 'computed')).toHaveLength(3);
  });

  it('#14 student fte 1.0: food 100 → 200 when the factor’s ef changes from 1.0 to 2.0 and the entry is recomputed', () => {
    const student = { fte: 1.0 };
    const food = (ef: number) => compute('headcount/student', student, fteFactors('headcount/student', ef)).emissions.find((e) => e.category === 'food');
    expect(food(1.0)?.kgCo2eq).toBe(100);
    expect(food(2.0)?.kgCo2eq).toBe(200);
  });
});
