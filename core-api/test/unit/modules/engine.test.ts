import { describe, expect, it } from 'vitest';
import { compute, context, factor } from '../../support/engine.js';

const laptop = (extra: Record<string, unknown> = {}) => ({ equipment_id: 'INV-1', name: 'Laptop A', equipment_class: 'Laptop', sub_class: 'Standard', ...extra });
const laptopFactor = (values: Record<string, number> = {}) =>
  factor('equipment/it', { equipment_class: 'Laptop', sub_class: null }, { active_power_w: 30, standby_power_w: 10, ef_kg_co2eq_per_kwh: 0.097, ...values });

describe('generic engine: validation and visible reasons', () => {
  it('when data breaks its schema, then invalid_data names the field (unknown fields, ranges, 168 h/week)', () => {
    expect(compute('equipment/it', laptop({ active_usage_hours_per_week: 100, standby_usage_hours_per_week: 69 }), [laptopFactor()])).toMatchObject({
      reason: 'invalid_data', message: expect.stringContaining('standby_usage_hours_per_week'),
    });
    expect(compute('headcount/member', { name: 'A', sius_code: '51', user_institutional_id: '1', fte: 1.2 }, [])).toMatchObject({ message: expect.stringContaining('fte') });
    expect(compute('process-emissions/gases', { category: 'CO2', quantity: 1, kg_co2eq: 5 }, [])).toMatchObject({ reason: 'invalid_data' });
    expect(compute('process-emissions/gases', { category: 'CO2', quantity: -1 }, [])).toMatchObject({ reason: 'invalid_data', message: expect.stringContaining('quantity') });
  });

  it('equipment: the class factor stands in when the subclass has none; missing hours take the factor defaults', () => {
    const f = laptopFactor({ active_usage_hours_per_week: 40, standby_usage_hours_per_week: 128 });
    const [row] = compute('equipment/it', laptop(), [f]).emissions;
    expect(row).toMatchObject({ emissionType: 'equipment__it', scope: 2, inputs: { active_usage_hours_per_week: 40, standby_usage_hours_per_week: 128 } });
    expect(row?.quantity).toBeCloseTo(((40 * 30 + 128 * 10) * 52) / 1000, 9);
  });

  it('equipment: when hours are missing and the factor has no defaults, then missing_input', () => {
    expect(compute('equipment/it', laptop(), [laptopFactor()])).toMatchObject({ reason: 'missing_input' });
  });

  it('rooms: a room missing from the building-rooms reference gives missing_reference', () => {
    const f = factor('buildings/rooms', { building_name: 'BC', room_type: 'office' }, { lighting_kwh_per_square_meter: 10, ef_kg_co2eq_per_kwh: 0.1, energy_type: 'electric' });
    const room = { building_name: 'BC', room_name: 'BC 999', room_type: 'office' };
    expect(compute('buildings/rooms', room, [f])).toMatchObject({ reason: 'missing_reference', emissions: [] });
  });

  it('research facilities: a use in another unit than the facility’s gives unit_mismatch; total use 0 gives 0 kg', () => {
    const f = factor('research-facilities/facilities', { researchfacility_id: 'RF-1' }, { use_unit: 'hours', total_use: 0, kg_co2eq_sum: 500 });
    const use = { researchfacility_id: 'RF-1', researchfacility_name: 'SCITAS', use: 3, use_unit: 'hours' };
    expect(compute('research-facilities/facilities', use, [f]).emissions[0]).toMatchObject({ kgCo2eq: 0, emissionType: 'research_facilities__it_facilities' });
    expect(compute('research-facilities/facilities', { ...use, use_unit: 'CHF' }, [f])).toMatchObject({ reason: 'unit_mismatch' });
  });

  it('animal facilities: Σ over sources of use × share / total_use × source sum, on the mice leaf', () => {
    const f = factor('research-facilities/animal-facilities', { researchfacility_id: '1321' }, {
      use_unit: 'housings', total_use: 1000, building_rooms_share: 0.5, kg_co2eq_sum_building_rooms: 10000, equipments_share: 0.2, kg_co2eq_sum_equipments: 5000, purchases_common_share: 0.3,
    });
    const use = { researchfacility_id: 1321, researchfacility_name: 'CPG', researchfacility_type: 'mice', use: 258, use_unit: 'housings' };
    const [row] = compute('research-facilities/animal-facilities', use, [f]).emissions;
    expect(row?.emissionType).toBe('research_facilities__animal__mice');
    expect(row?.kgCo2eq).toBeCloseTo((258 * 0.5 / 1000) * 10000 + (258 * 0.2 / 1000) * 5000, 9);
  });

  it('process emissions: a gas falls back to its category factor; an unknown category gives unknown_emission_type', () => {
    const ch4 = factor('process-emissions/gases', { category: 'CH4', subcategory: null }, { ef_kg_co2eq_per_unit: 30 });
    expect(compute('process-emissions/gases', { category: 'CH4', subcategory: 'biogas', quantity: 2 }, [ch4]).emissions[0]).toMatchObject({ kgCo2eq: 60, scope: 1 });
    expect(compute('process-emissions/gases', { category: 'Plasma', quantity: 2 }, [ch4])).toMatchObject({ reason: 'unknown_emission_type' });
  });

  it('purchases: the NACRES factor wins; several UNSPSC rows without an average row are ambiguous', () => {
    const avg = factor('purchases/consumables', { purchase_institutional_code: '12000000', purchase_additional_code: null, currency: 'eur' }, { ef_kg_co2eq_per_currency: 0.5 });
    const nacres = factor('purchases/consumables', { purchase_institutional_code: '12000000', purchase_additional_code: 'NA01', currency: 'eur' }, { ef_kg_co2eq_per_currency: 0.9 });
    const p = { name: 'Acid', total_spent_amount: 10, currency: 'eur', purchase_institutional_code: '12000000' };
    expect(compute('purchases/consumables', { ...p, purchase_additional_code: 'NA01' }, [avg, nacres]).emissions[0]?.factorId).toBe(nacres.id);
    expect(compute('purchases/consumables', { ...p, purchase_additional_code: 'ZZ99' }, [avg, nacres]).emissions[0]?.factorId).toBe(avg.id);
    const other = factor('purchases/consumables', { purchase_institutional_code: '12000000', purchase_additional_code: 'NA02', currency: 'eur' }, { ef_kg_co2eq_per_currency: 0.1 });
    expect(compute('purchases/consumables', p, [nacres, other])).toMatchObject({ reason: 'ambiguous_factor' });
  });

  it('centralised purchases: liquid nitrogen on its own scope-1 leaf', () => {
    const f = factor('purchases/centralised', { name: 'ln2' }, { ef_kg_co2eq_per_kg: 0.001 });
    const [row] = compute('purchases/centralised', { name: 'LN2', unit: 'L', annual_consumption: 1000, coef_to_kg: 0.8 }, [f]).emissions;
    expect(row).toMatchObject({ emissionType: 'purchases__additional__ln2', scope: 1 });
    expect(row?.kgCo2eq).toBeCloseTo(0.8, 12);
  });

  it('an override replaces the formula with one row without factor, even when no factor exists', () => {
    const result = compute('process-emissions/gases', { category: 'N2O', quantity: 1 }, [], context({}, { override: 12.5 }));
    expect(result).toMatchObject({ status: 'computed', emissions: [{ kgCo2eq: 12.5, factorId: null, emissionType: 'process_emissions__n2o', scope: 1 }] });
    expect(compute('process-emissions/gases', { category: 'N2O', quantity: 1 }, [], context({}, { override: -1 }))).toMatchObject({ reason: 'invalid_data' });
  });
});
