// The travel charts' series from the grouped trips (pure).
import type { TripRoute } from '@co2/contracts';

export interface Slice {
  key: string;
  kgCo2eq: number;
  numberOfTrips: number;
}

function sumBy(routes: readonly TripRoute[], keyOf: (r: TripRoute) => string): Slice[] {
  const slices = new Map<string, Slice>();
  for (const r of routes) {
    const key = keyOf(r);
    const slice = slices.get(key) ?? { key, kgCo2eq: 0, numberOfTrips: 0 };
    slice.kgCo2eq += r.kgCo2eq;
    slice.numberOfTrips += r.numberOfTrips;
    slices.set(key, slice);
  }
  return [...slices.values()].sort((a, b) => b.kgCo2eq - a.kgCo2eq || a.key.localeCompare(b.key));
}

/** kg by cabin class, flights and trains apart (`plane:economy`, `train:second`). */
export const kgByClass = (routes: readonly TripRoute[]) => sumBy(routes, (r) => `${r.type}:${r.cabinClass}`);

/** kg of flights by haul band; trains and flights of unknown distance under `none`. */
export const kgByHaulBand = (routes: readonly TripRoute[]) => sumBy(routes, (r) => (r.type === 'plane' && r.haulBand ? r.haulBand : 'none'));

/** kg of flights and of trains. */
export const kgByType = (routes: readonly TripRoute[]) => sumBy(routes, (r) => r.type);

/** The `top` travellers by kg, the rest summed under `other` (last). */
export function kgByTraveller(routes: readonly TripRoute[], top = 10): Slice[] {
  const all = sumBy(routes, (r) => r.travellerId);
  if (all.length <= top) return all;
  const rest = all.slice(top).reduce<Slice>((o, s) => ({ key: 'other', kgCo2eq: o.kgCo2eq + s.kgCo2eq, numberOfTrips: o.numberOfTrips + s.numberOfTrips }), { key: 'other', kgCo2eq: 0, numberOfTrips: 0 });
  return [...all.slice(0, top), rest];
}
