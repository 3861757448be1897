import { describe, expect, it } from 'vitest';
import { findHaulBand, haulBandRange, trainCountryRule, trainFactorCountry } from '../../../src/domain/modules/professional-travel/geo.js';
import type { StoredEntry } from '../../../src/domain/entries/entry.js';
import { toTrip, toTripRoute, typeOf } from '../../../src/domain/travel/trip-view.js';
import type { TripPlace } from '../../../src/domain/travel/trip.js';

const BANDS = [
  { category: 'short_to_medium_haul', min: 0, max: 2500 },
  { category: 'medium_to_long_haul', min: 2500, max: 999999 },
];
const gva: TripPlace = { code: 'GVA', name: 'Geneva Cointrin International Airport', municipality: 'Geneva', countryCode: 'CH', latitude: 46.23809814453125, longitude: 6.108950138092041 };
const cdg: TripPlace = { code: 'CDG', name: 'Charles de Gaulle International Airport', municipality: 'Paris', countryCode: 'FR', latitude: 49.012798, longitude: 2.55 };

const entry = (over: Partial<StoredEntry>): StoredEntry => ({
  id: '00000000-0000-4000-8000-000000000001',
  module: 'professional-travel',
  submodule: 'plane',
  data: { origin_iata: 'GVA', destination_iata: 'CDG', user_institutional_id: '100001', cabin_class: 'economy', number_of_trips: 2 },
  note: null,
  source: 'manual',
  status: 'computed',
  reason: null,
  reasonMessage: null,
  totalKgCo2eq: 0,
  emissions: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  authorId: 'author',
  ...over,
});

describe('haul bands and the train-country rule (why this factor)', () => {
  it('when bands overlap, then a band holds only the distances no band tried before it holds', () => {
    const overlapping = [{ category: 'b_long', min: 1000, max: 99999 }, { category: 'a_short', min: 0, max: 1500 }];
    expect(findHaulBand(1200, overlapping)?.category).toBe('a_short'); // sorted by name: a_short first
    expect(haulBandRange('b_long', overlapping)).toEqual({ min: 1000, max: 99999, exclude: [{ min: 0, max: 1500 }] });
    expect(haulBandRange('a_short', overlapping)).toEqual({ min: 0, max: 1500, exclude: [] });
    expect(haulBandRange('none', overlapping)).toBeUndefined();
    expect(findHaulBand(2500, BANDS)).toEqual({ category: 'medium_to_long_haul', min: 2500, max: 999999 }); // [min, max)
  });

  it('names the rule that picks the train factor country (reference issue #357)', () => {
    expect(trainCountryRule('CH', 'CH')).toEqual({ country: 'CH', rule: 'both_in_ch' });
    expect(trainCountryRule('ch', 'de')).toEqual({ country: 'DE', rule: 'destination_abroad' });
    expect(trainCountryRule('FR', 'CH')).toEqual({ country: 'FR', rule: 'origin_abroad' });
    expect(trainCountryRule('CH', null)).toEqual({ country: 'RoW', rule: 'rest_of_world' });
    expect(['CH', 'DE', 'FR', 'DE', 'FR', 'FR', 'RoW', 'RoW']).toEqual(
      [['CH', 'CH'], ['CH', 'DE'], ['FR', 'CH'], ['FR', 'DE'], ['FR', null], [null, 'FR'], ['CH', null], [null, null]].map(([o, d]) => trainFactorCountry(o, d)),
    );
  });
});

describe('a stored trip as the API shows it', () => {
  it('when both airports are known, then the distance is the engine’s (408 km great circle + 95 km, × 2 trips) and the haul band holds it', () => {
    const trip = toTrip({ entry: entry({}), origin: gva, destination: cdg, factor: null }, BANDS);
    expect(trip).toMatchObject({ type: 'plane', oneTripKm: 503, distanceKm: 1006, numberOfTrips: 2, travellerId: '100001', cabinClass: 'economy', departureDate: null });
    expect(trip.haulBand).toEqual({ category: 'short_to_medium_haul', minKm: 0, maxKm: 2500 });
    expect(trip.origin).toMatchObject({ code: 'GVA', known: true });
    expect(trip.entry).not.toHaveProperty('authorId');
  });

  it('when an end is unknown, then it shows what the entry says and no distance; travel-agency trips are read-only', () => {
    const trip = toTrip({ entry: entry({ source: 'external_integration', data: { origin_iata: 'GVA', destination_iata: 'XXX', user_institutional_id: '1', cabin_class: 'economy', number_of_trips: 1 } }), origin: gva, destination: null, factor: null }, BANDS);
    expect(trip.destination).toEqual({ code: 'XXX', name: 'XXX', municipality: null, countryCode: null, latitude: null, longitude: null, known: false });
    expect(trip).toMatchObject({ oneTripKm: null, distanceKm: null, haulBand: null, readOnly: true, readOnlyReason: 'external_integration' });
  });

  it('when a train station is unknown, then its name and country come from the entry and the country rule still reads them', () => {
    const data = { origin_name: 'Lausanne', destination_name: 'Atlantis', origin_country_code: 'CH', destination_country_code: 'GR', user_institutional_id: '1', cabin_class: 'second', number_of_trips: 1 };
    const lausanne: TripPlace = { code: 'CH:lausanne', name: 'Lausanne', municipality: null, countryCode: 'CH', latitude: 46.5168, longitude: 6.6291 };
    const trip = toTrip({ entry: entry({ submodule: 'train', data }), origin: lausanne, destination: null, factor: null }, BANDS);
    expect(trip.type).toBe('train');
    expect(trip.destination).toMatchObject({ code: null, name: 'Atlantis', countryCode: 'GR', known: false });
    expect(trip.trainCountry).toEqual({ country: 'GR', rule: 'destination_abroad' });
    expect(trip.haulBand).toBeNull();
  });

  it('groups of trips carry their total distance and haul band', () => {
    const route = toTripRoute(
      { submodule: 'professional-travel/plane', origin: gva, destination: cdg, originLabel: 'GVA', destinationLabel: 'CDG', originCountry: null, destinationCountry: null, travellerId: '1', cabinClass: 'business', entries: 2, numberOfTrips: 3, kgCo2eq: 10 },
      BANDS,
    );
    expect(route).toMatchObject({ type: 'plane', distanceKm: 1509, haulBand: 'short_to_medium_haul', entries: 2, numberOfTrips: 3, kgCo2eq: 10 });
    expect(typeOf('professional-travel/train')).toBe('train');
    expect(typeOf('plane')).toBe('plane');
  });
});
