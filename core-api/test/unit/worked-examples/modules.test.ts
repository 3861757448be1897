import { describe, expect, it } from 'vitest';
import { leafConversion, roomLeafKg } from '../../../src/domain/modules/buildings/rooms.js';
import { compute, context, factor } from '../../support/engine.js';

// Reference §10, examples 15–23.
describe('worked examples §10: equipment, process, cloud, purchases, facilities, buildings', () => {
  it('#15 equipment it/Laptop/Standard 100 W / 10 W, 40 h / 128 h, ef 0.1 → 274.56 kWh → 27.456', () => {
    const f = factor('equipment/it', { equipment_class: 'Laptop', sub_class: 'Standard' }, { active_power_w: 100, standby_power_w: 10, ef_kg_co2eq_per_kwh: 0.1 });
    const data = { equipment_id: 'INV-0001', name: 'Smoke Laptop A', equipment_class: 'Laptop', sub_class: 'Standard', active_usage_hours_per_week: 40, standby_usage_hours_per_week: 128 };
    const [row] = compute('equipment/it', data, [f]).emissions;
    expect(row?.quantity).toBeCloseTo(274.56, 9);
    expect(row?.kgCo2eq).toBeCloseTo(27.456, 9);
  });

  it('#16 process co2/industrial 100 kg × 1.5 = 150.0', () => {
    const f = factor('process-emissions/gases', { category: 'co2', subcategory: 'industrial' }, { ef_kg_co2eq_per_unit: 1.5 });
    expect(compute('process-emissions/gases', { category: 'co2', subcategory: 'industrial', quantity: 100 }, [f]).emissions[0]?.kgCo2eq).toBe(150);
  });

  it('#17 cloud AWS compute 200 EUR × 0.05/EUR = 10.0 (no FX)', () => {
    const f = factor('external-cloud-ai/cloud', { service_type: 'compute', provider: 'AWS', currency: 'eur' }, { ef_kg_co2eq_per_currency: 0.05 });
    const [row] = compute('external-cloud-ai/cloud', { provider: 'AWS', service_type: 'compute', spent_amount: 200, currency: 'eur' }, [f]).emissions;
    expect(row).toMatchObject({ kgCo2eq: 10, emissionType: 'external__clouds__calcul' });
  });

  it('#18 purchase PIC-IT 200 EUR × 0.5/EUR = 100.0', () => {
    const f = factor('purchases/it-equipment', { purchase_institutional_code: 'PIC-IT', currency: 'eur' }, { ef_kg_co2eq_per_currency: 0.5 });
    const data = { name: 'Smoke purchase', purchase_institutional_code: 'PIC-IT', total_spent_amount: 200, currency: 'eur' };
    expect(compute('purchases/it-equipment', data, [f]).emissions[0]?.kgCo2eq).toBe(100);
  });

  it('#19 research facility: use 10 h of 100 h × 1000 kg = 100.0', () => {
    const f = factor('research-facilities/facilities', { researchfacility_id: 'RF-001' }, { use_unit: 'hours', total_use: 100, kg_co2eq_sum: 1000 });
    const data = { researchfacility_id: 'RF-001', researchfacility_name: 'Smoke Facility A', use: 10, use_unit: 'hours' };
    expect(compute('research-facilities/facilities', data, [f]).emissions[0]?.kgCo2eq).toBeCloseTo(100, 9);
  });

  it('#20 combustion "Natural gas" 1000 kWh × 0.24 = 240.0', () => {
    const f = factor('buildings/combustion', { name: 'natural_gas', unit: 'kWh' }, { ef_kg_co2eq_per_unit: 0.24 });
    const [row] = compute('buildings/combustion', { name: 'Natural gas', unit: 'kWh', quantity: 1000 }, [f]).emissions;
    expect(row).toMatchObject({ kgCo2eq: 240, emissionType: 'buildings__combustion__natural_gas', scope: 1 });
  });

  it('#21 embodied energy: default building 100 kg/m² → 5000 and 8000 for 50 and 80 m²; ef 200 → 10000 and 16000', () => {
    const embodied = (ef: number, building: string, surface: number) =>
      compute('buildings/embodied-energy', { room_entry_id: '00000000-0000-4000-8000-000000000001', building_name: building, room_surface_square_meter: surface },
        [factor('buildings/embodied-energy', { building_name: 'default', category: 'new-tech' }, { ef_kgco2eq_per_m2: ef })]).emissions[0]?.kgCo2eq;
    expect([embodied(100, 'BC', 50), embodied(100, 'AAB', 80)]).toEqual([5000, 8000]);
    expect([embodied(200, 'BC', 50), embodied(200, 'AAB', 80)]).toEqual([10000, 16000]);
  });

  const roomFactor = (energyType: string, extra: Record<string, number> = {}) =>
    factor('buildings/rooms', { building_name: 'BC', room_type: 'office' }, { ef_kg_co2eq_per_kwh: 0.2, energy_type: energyType, ...extra });
  const room = (ratio?: number) => ({ building_name: 'BC', room_name: 'BC 150', room_type: 'office', ...(ratio === undefined ? {} : { room_allocation_ratio: ratio }) });
  const ctx = context({ rooms: { 'BC/BC 150': 100 } });
  const leafKg = (rows: { emissionType: string; kgCo2eq: number }[], use: string) => rows.find((r) => r.emissionType === `buildings__rooms__${use}__office`)?.kgCo2eq;

  it('#22 non-heating leaf: 100 m² × 10 kWh/m² × ratio 0.5 × 0.2 = 100.0; ratio absent → 1 → 200.0', () => {
    const f = roomFactor('electric', { lighting_kwh_per_square_meter: 10 });
    expect(leafKg(compute('buildings/rooms', room(0.5), [f], ctx).emissions, 'lighting')).toBeCloseTo(100, 9);
    expect(leafKg(compute('buildings/rooms', room(), [f], ctx).emissions, 'lighting')).toBeCloseTo(200, 9);
  });

  it('#23 heating: electric cf 2 on heating_elec → 200.0; thermal cf 3 on heating_thermal → 300.0; thermal factor on the elec leaf → 0.0; missing cf → 1 → 100.0', () => {
    const heating = { heating_kwh_per_square_meter: 10 };
    const elec = compute('buildings/rooms', room(0.5), [roomFactor('electric', { ...heating, conversion_factor: 2 })], ctx).emissions;
    expect(leafKg(elec, 'heating_elec')).toBeCloseTo(200, 9);
    const thermal = compute('buildings/rooms', room(0.5), [roomFactor('thermal', { ...heating, conversion_factor: 3 })], ctx).emissions;
    expect(leafKg(thermal, 'heating_thermal')).toBeCloseTo(300, 9);
    expect(thermal.find((r) => r.emissionType === 'buildings__rooms__heating_thermal__office')?.scope).toBe(1);
    expect(leafKg(thermal, 'heating_elec')).toBe(0);
    const noCf = compute('buildings/rooms', room(0.5), [roomFactor('elec', heating)], ctx).emissions;
    expect(leafKg(noCf, 'heating_elec')).toBeCloseTo(100, 9);
    expect(roomLeafKg({ surface: 100, kwhPerM2: 10, ratio: 0.5, efKgPerKwh: 0.2, conversionFactor: leafConversion('heating_elec', 'thermal', 3) })).toBe(0);
  });
});

describe('legacy examples of the reference (commented-out tests, same formulas)', () => {
  it('equipment 40 h × 200 W + 128 h × 5 W = 8640 Wh/week → 449.28 kWh × 0.5 = 224.64', () => {
    const f = factor('equipment/scientific', { equipment_class: 'Centrifuge', sub_class: null }, { active_power_w: 200, standby_power_w: 5, ef_kg_co2eq_per_kwh: 0.5 });
    const data = { equipment_id: 'E1', name: 'Centrifuge', equipment_class: 'Centrifuge', active_usage_hours_per_week: 40, standby_usage_hours_per_week: 128 };
    expect(compute('equipment/scientific', data, [f]).emissions[0]?.kgCo2eq).toBeCloseTo(224.64, 9);
  });

  it('process 500 kg × 3.5 = 1750; centralised purchase 1000 × 0.5 × 0.001 = 0.5', () => {
    const gas = factor('process-emissions/gases', { category: 'CH4', subcategory: null }, { ef_kg_co2eq_per_unit: 3.5 });
    expect(compute('process-emissions/gases', { category: 'CH4', quantity: 500 }, [gas]).emissions[0]?.kgCo2eq).toBe(1750);
    const ln2 = factor('purchases/centralised', { name: 'ln2' }, { ef_kg_co2eq_per_kg: 0.001 });
    expect(compute('purchases/centralised', { name: 'ln2', unit: 'kg', annual_consumption: 1000, coef_to_kg: 0.5 }, [ln2]).emissions[0]?.kgCo2eq).toBeCloseTo(0.5, 12);
  });
});
