import type { SubmoduleKey } from '@co2/contracts';
import {
  computeEntry,
  DEFAULT_SETTINGS,
  inMemoryFactors,
  submoduleDefinition,
  type ComputeContext,
  type EmissionTypeKey,
  type Factor,
  type GeoPoint,
  type ReferenceData,
  type Scalar,
} from '../../src/domain/modules/index.js';

export const YEAR = 2025;
let nextId = 1;

/** A factor of the test year; classification and values as given. */
export function factor(
  submodule: SubmoduleKey,
  classification: Record<string, Scalar>,
  values: Record<string, Scalar>,
  extra: { emissionType?: EmissionTypeKey; unit?: string; year?: number } = {},
): Factor {
  return {
    id: `f-${nextId++}`,
    year: extra.year ?? YEAR,
    submodule,
    emissionType: extra.emissionType ?? null,
    classification,
    values,
    unit: extra.unit ?? null,
    source: 'test',
  };
}

export interface ReferenceFixture {
  airports?: Record<string, GeoPoint>;
  stations?: (GeoPoint & { name: string; key?: string })[];
  rooms?: Record<string, number>;
  fx?: Record<string, number>;
  priceIndex?: Record<string, number>;
}

/** Reference data held in memory: rooms keyed `building/room`, FX `year:cur`, price index `cur:year`. */
export function reference(fixture: ReferenceFixture = {}): ReferenceData {
  return {
    airport: (iata) => fixture.airports?.[iata],
    stations: ({ name, countryCode, locationKey }) =>
      (fixture.stations ?? []).filter((s) =>
        locationKey ? s.key === locationKey : s.name.toLowerCase() === name.toLowerCase() && (!countryCode || s.countryCode === countryCode),
      ),
    roomSurface: (building, room) => fixture.rooms?.[`${building}/${room}`],
    fxRate: (year, currency) => fixture.fx?.[`${year}:${currency}`],
    priceIndex: (currency, year) => fixture.priceIndex?.[`${currency}:${year}`],
  };
}

export function context(fixture: ReferenceFixture = {}, extra: Partial<ComputeContext> = {}): ComputeContext {
  return { year: YEAR, reference: reference(fixture), settings: DEFAULT_SETTINGS, ...extra };
}

/** Runs the engine on one entry of `submodule` with the given factors and context. */
export function compute(submodule: SubmoduleKey, data: unknown, factors: Factor[], ctx: ComputeContext = context()) {
  return computeEntry(submoduleDefinition(submodule), data, inMemoryFactors(factors, ctx.year), ctx);
}

/** A point on the equator at `km` great-circle kilometres east of (0, 0). */
export const eastOfOrigin = (km: number, countryCode: string | null = null): GeoPoint => ({
  latitude: 0,
  longitude: (km / 6371) * (180 / Math.PI),
  countryCode,
});
export const ORIGIN = (countryCode: string | null = null): GeoPoint => ({ latitude: 0, longitude: 0, countryCode });

/** The reference's plane factors (travel_planes_factors.csv values cited by its tests). */
export function planeFactors(): Factor[] {
  const bands = { short_to_medium_haul: [0, 2500], medium_to_long_haul: [2500, 999999] } as const;
  const ef = {
    short_to_medium_haul: { economy: 0.2906, business: 0.4471, first: 0.2906 },
    medium_to_long_haul: { economy: 0.1902, business: 0.393, first: 0.6056 },
  } as const;
  return (Object.keys(bands) as (keyof typeof bands)[]).flatMap((band) =>
    (['economy', 'business', 'first'] as const).map((cabin) =>
      factor(
        'professional-travel/plane',
        { category: band, cabin_class: cabin },
        { ef_kg_co2eq_per_km: ef[band][cabin], rfi_adjustment: 1.35, min_distance: bands[band][0], max_distance: bands[band][1] },
        { unit: 'kg CO2-eq/km' },
      ),
    ),
  );
}
