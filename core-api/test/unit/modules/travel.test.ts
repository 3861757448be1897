import { describe, expect, it } from 'vitest';
import { haulBand, haversineKm, planeTripKm, trainTripKm } from '../../../src/domain/modules/index.js';
import { compute, context, eastOfOrigin, factor, ORIGIN, planeFactors } from '../../support/engine.js';

const GVA = { latitude: 46.2380981, longitude: 6.1089501, countryCode: 'CH' };
const ZRH = { latitude: 47.464699, longitude: 8.54917, countryCode: 'CH' };
const flight = (extra: Record<string, unknown> = {}) => ({
  origin_iata: 'AAA', destination_iata: 'BBB', user_institutional_id: '100001', cabin_class: 'economy', ...extra,
});

describe('travel distances', () => {
  it('haversine gives whole kilometres (GVA → ZRH airports: 230 km, flat-earth check √(136.4² + 185.6²) ≈ 230.3) and rejects impossible coordinates', () => {
    expect(haversineKm(GVA, ZRH)).toBe(230);
    expect(Number.isInteger(haversineKm(GVA, { latitude: 40.1, longitude: -73.3 }))).toBe(true);
    expect(() => haversineKm({ latitude: 91, longitude: 0 }, GVA)).toThrow(RangeError);
  });

  it('a flight adds 95 km; a train journey is the great circle × 1.2, rounded', () => {
    expect(planeTripKm(411)).toBe(506);
    expect(trainTripKm(83)).toBe(100);
    expect(trainTripKm(224)).toBe(269);
  });
});

describe('plane entries', () => {
  it('when the great circle is 2410 km, then the band is chosen on 2505 km (after +95) → medium_to_long_haul', () => {
    const ctx = context({ airports: { AAA: ORIGIN(), BBB: eastOfOrigin(2410) } });
    const result = compute('professional-travel/plane', flight(), planeFactors(), ctx);
    expect(result.emissions[0]).toMatchObject({ quantity: 2505, inputs: { haul_category: 'medium_to_long_haul', great_circle_km: 2410 } });
    expect(result.emissions[0]?.kgCo2eq).toBeCloseTo(2505 * 0.1902 * 1.35, 6);
  });

  it('when the haul band is chosen, then it is on the one-trip distance, not on distance × trips', () => {
    const ctx = context({ airports: { AAA: ORIGIN(), BBB: eastOfOrigin(1000) } });
    const result = compute('professional-travel/plane', flight({ number_of_trips: 3 }), planeFactors(), ctx);
    expect(result.emissions[0]).toMatchObject({ quantity: 3 * 1095, inputs: { haul_category: 'short_to_medium_haul', one_trip_km: 1095 } });
  });

  it('cabin class picks the factor and the leaf; RFI multiplies (and counts as 1 when the factor has none)', () => {
    const ctx = context({ airports: { AAA: ORIGIN(), BBB: eastOfOrigin(411) } });
    const business = compute('professional-travel/plane', flight({ cabin_class: 'BUSINESS' }), planeFactors(), ctx);
    expect(business.emissions[0]).toMatchObject({ emissionType: 'professional_travel__plane__business', scope: 3, inputs: { rfi_adjustment: 1.35 } });
    const noRfi = factor('professional-travel/plane', { category: 'any', cabin_class: 'first' }, { ef_kg_co2eq_per_km: 0.5, min_distance: 0, max_distance: 1e6 });
    const first = compute('professional-travel/plane', flight({ cabin_class: 'first' }), [noRfi], ctx);
    expect(first.emissions[0]).toMatchObject({ emissionType: 'professional_travel__plane__first', kgCo2eq: 506 * 0.5, factorId: noRfi.id });
  });

  it('when an airport is unknown, then the entry has no emission and says missing_location', () => {
    const result = compute('professional-travel/plane', flight({ destination_iata: 'XXX' }), planeFactors(), context({ airports: { AAA: ORIGIN() } }));
    expect(result).toMatchObject({ status: 'not_computed', reason: 'missing_location', emissions: [] });
    expect(result.status === 'not_computed' && result.message).toContain('XXX');
  });

  it('when the year has no plane factor, then the entry says missing_factor', () => {
    const ctx = context({ airports: { AAA: ORIGIN(), BBB: eastOfOrigin(411) } });
    expect(compute('professional-travel/plane', flight(), [], ctx)).toMatchObject({ status: 'not_computed', reason: 'missing_factor' });
    const lastYear = planeFactors().map((f) => ({ ...f, year: 2024 }));
    expect(compute('professional-travel/plane', flight(), lastYear, ctx)).toMatchObject({ reason: 'missing_factor' });
  });
});

describe('train entries', () => {
  const trainFactors = () => [
    factor('professional-travel/train', { country_code: 'CH' }, { ef_kg_co2eq_per_km: 0.007 }),
    factor('professional-travel/train', { country_code: 'RoW' }, { ef_kg_co2eq_per_km: 0.03 }),
  ];
  const trip = (extra: Record<string, unknown> = {}) => ({
    origin_name: 'Genève', destination_name: 'Lausanne', user_institutional_id: '100001', cabin_class: 'second', ...extra,
  });

  it('uses great circle × 1.2 × trips and the CH factor between two Swiss stations', () => {
    const ctx = context({ stations: [{ name: 'Genève', ...ORIGIN('CH') }, { name: 'Lausanne', ...eastOfOrigin(51, 'CH') }] });
    const result = compute('professional-travel/train', trip({ number_of_trips: 3 }), trainFactors(), ctx);
    expect(result.emissions[0]).toMatchObject({ emissionType: 'professional_travel__train__class_2', quantity: 61 * 3, inputs: { factor_country: 'CH' } });
    expect(result.emissions[0]?.kgCo2eq).toBeCloseTo(183 * 0.007, 9);
  });

  it('falls back to RoW when the destination country has no factor', () => {
    const ctx = context({ stations: [{ name: 'Genève', ...ORIGIN('CH') }, { name: 'Lausanne', ...eastOfOrigin(51, 'DE') }] });
    expect(compute('professional-travel/train', trip({ cabin_class: 'first' }), trainFactors(), ctx).emissions[0]).toMatchObject({
      emissionType: 'professional_travel__train__class_1', inputs: { factor_country: 'RoW' },
    });
  });

  it('when two stations share a name and no country is given, then ambiguous_location; the country resolves it', () => {
    const ctx = context({ stations: [{ name: 'Genève', ...ORIGIN('CH') }, { name: 'Lausanne', ...eastOfOrigin(51, 'CH') }, { name: 'Lausanne', ...eastOfOrigin(900, 'FR') }] });
    expect(compute('professional-travel/train', trip(), trainFactors(), ctx)).toMatchObject({ reason: 'ambiguous_location' });
    expect(compute('professional-travel/train', trip({ destination_country_code: 'ch' }), trainFactors(), ctx).status).toBe('computed');
  });

  it('when a station is unknown (Geneva → Atlantis), then the entry is kept without emission: missing_location', () => {
    const ctx = context({ stations: [{ name: 'Genève', ...ORIGIN('CH') }] });
    expect(compute('professional-travel/train', trip({ destination_name: 'Atlantis' }), trainFactors(), ctx)).toMatchObject({ reason: 'missing_location', emissions: [] });
  });

  it('haul bands are sorted by name and half-open', () => {
    const bands = [{ category: 'b', min: 100, max: 200 }, { category: 'a', min: 0, max: 150 }];
    expect(haulBand(120, bands)).toBe('a');
    expect(haulBand(150, bands)).toBe('b');
    expect(haulBand(200, bands)).toBeUndefined();
  });
});
