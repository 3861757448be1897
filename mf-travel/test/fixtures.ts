// Contract-valid bodies of the travel routes (parsed in the tests that use them).
import type { Entry, Location, Trip, TripList, TripRoute } from '@co2/contracts';

export const gva: Location = { kind: 'airport', code: 'GVA', name: 'Geneva Cointrin International Airport', municipality: 'Geneva', countryCode: 'CH', latitude: 46.238, longitude: 6.109 };
export const jfk: Location = { kind: 'airport', code: 'JFK', name: 'John F Kennedy International Airport', municipality: 'New York', countryCode: 'US', latitude: 40.64, longitude: -73.779 };
export const lausanne: Location = { kind: 'station', code: 'CH:lausanne', name: 'Lausanne', municipality: null, countryCode: 'CH', latitude: 46.5168, longitude: 6.6291 };
export const zurich: Location = { kind: 'station', code: 'CH:zurich-hb', name: 'Zürich HB', municipality: null, countryCode: 'CH', latitude: 47.378, longitude: 8.54 };

const end = (l: Location) => ({ code: l.code, name: l.name, municipality: l.municipality, countryCode: l.countryCode, latitude: l.latitude, longitude: l.longitude, known: true });

export function entryFixture(id: string, submodule: 'plane' | 'train', data: Record<string, unknown>, kg: number): Entry {
  return {
    id,
    module: 'professional-travel' as const,
    submodule,
    data,
    note: null,
    source: 'manual' as const,
    status: 'computed' as const,
    reason: null,
    reasonMessage: null,
    totalKgCo2eq: kg,
    emissions: [
      {
        emissionType: submodule === 'plane' ? 'professional_travel__plane__eco' : 'professional_travel__train__class_2',
        emissionTypeId: submodule === 'plane' ? 50203 : 50102,
        scope: 3,
        category: 'professional_travel',
        additional: false,
        kgCo2eq: kg,
        factorId: '11111111-1111-4111-8111-111111111111',
        factorYear: 2025,
        quantity: submodule === 'plane' ? 6296 : 1254,
        quantityUnit: 'km',
        formula: submodule === 'plane' ? 'distance_km × ef_kg_co2eq_per_km × rfi_adjustment' : 'distance_km × ef_kg_co2eq_per_km',
        inputs:
          submodule === 'plane'
            ? { great_circle_km: 6201, one_trip_km: 6296, number_of_trips: 1, distance_km: 6296, haul_category: 'medium_to_long_haul', ef_kg_co2eq_per_km: 0.1902, rfi_adjustment: 1.35 }
            : { great_circle_km: 174, one_trip_km: 209, number_of_trips: 6, distance_km: 1254, factor_country: 'CH', ef_kg_co2eq_per_km: 0.007 },
      },
    ],
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
  };
}

export const flight: Trip = {
  type: 'plane',
  entry: entryFixture('aaaaaaaa-0000-4000-8000-000000000001', 'plane', { origin_iata: 'GVA', destination_iata: 'JFK', user_institutional_id: '100002', cabin_class: 'economy', number_of_trips: 1 }, 1616.6),
  origin: end(gva),
  destination: end(jfk),
  travellerId: '100002',
  cabinClass: 'economy',
  departureDate: '2025-03-10',
  numberOfTrips: 1,
  oneTripKm: 6296,
  distanceKm: 6296,
  haulBand: { category: 'medium_to_long_haul', minKm: 2500, maxKm: 999999 },
  trainCountry: null,
  factor: { id: '11111111-1111-4111-8111-111111111111', year: 2025, classification: { category: 'medium_to_long_haul', cabin_class: 'economy' }, unit: 'kg CO2-eq/km', source: 'mobitool' },
  readOnly: false,
  readOnlyReason: null,
};

export const train: Trip = {
  type: 'train',
  entry: entryFixture('aaaaaaaa-0000-4000-8000-000000000002', 'train', { origin_name: 'Lausanne', destination_name: 'Zürich HB', origin_country_code: 'CH', destination_country_code: 'CH', user_institutional_id: '100001', cabin_class: 'second', number_of_trips: 6 }, 8.778),
  origin: end(lausanne),
  destination: end(zurich),
  travellerId: '100001',
  cabinClass: 'second',
  departureDate: null,
  numberOfTrips: 6,
  oneTripKm: 209,
  distanceKm: 1254,
  haulBand: null,
  trainCountry: { country: 'CH', rule: 'both_in_ch' },
  factor: { id: '11111111-1111-4111-8111-111111111111', year: 2025, classification: { country_code: 'CH' }, unit: 'kg CO2-eq/km', source: 'DEMO' },
  readOnly: true,
  readOnlyReason: 'external_integration',
};

export const tripList: TripList = { items: [flight, train], total: 2, page: 1, pageSize: 25, summary: { entries: 2, numberOfTrips: 7, distanceKm: 7550, kgCo2eq: 1625.378 } };

export const route = (over: Partial<TripRoute>): TripRoute => ({
  type: 'plane',
  origin: end(gva),
  destination: end(jfk),
  travellerId: '100002',
  cabinClass: 'economy',
  haulBand: 'medium_to_long_haul',
  entries: 1,
  numberOfTrips: 1,
  distanceKm: 6296,
  kgCo2eq: 1616.6,
  ...over,
});
