// The trips map's data: one arc per pair of places, line width by number of trips (pure).
import type { TripEnd, TripRoute } from '@co2/contracts';
import { greatCirclePoints, splitAtAntimeridian, type LonLat } from './great-circle.js';

export interface TripArc {
  /** `GVA–JFK`: the pair's codes (or names), in a stable order, so GVA→JFK and JFK→GVA make one arc. */
  key: string;
  from: { label: string; at: LonLat };
  to: { label: string; at: LonLat };
  type: 'plane' | 'train';
  numberOfTrips: number;
  kgCo2eq: number;
  /** Line width in px, 1 to 8, growing with the square root of the trips. */
  width: number;
  /** The great-circle path, split at the antimeridian. */
  paths: LonLat[][];
}

const placed = (end: TripEnd): end is TripEnd & { latitude: number; longitude: number } => end.latitude !== null && end.longitude !== null;
const labelOf = (end: TripEnd) => end.code && end.code.length <= 4 ? end.code : end.name;

/** Arcs of the routes whose both ends are placed; `unplaced` counts the trips left off the map. */
export function tripArcs(routes: readonly TripRoute[], steps = 32): { arcs: TripArc[]; unplaced: number } {
  const byPair = new Map<string, Omit<TripArc, 'width' | 'paths'>>();
  let unplaced = 0;
  for (const route of routes) {
    const { origin, destination } = route;
    if (!placed(origin) || !placed(destination)) {
      unplaced += route.numberOfTrips;
      continue;
    }
    const ends = [
      { label: labelOf(origin), at: [origin.longitude, origin.latitude] as LonLat },
      { label: labelOf(destination), at: [destination.longitude, destination.latitude] as LonLat },
    ].sort((a, b) => a.label.localeCompare(b.label));
    const key = `${route.type}:${ends[0]!.label}–${ends[1]!.label}`;
    const arc = byPair.get(key) ?? { key, from: ends[0]!, to: ends[1]!, type: route.type, numberOfTrips: 0, kgCo2eq: 0 };
    arc.numberOfTrips += route.numberOfTrips;
    arc.kgCo2eq += route.kgCo2eq;
    byPair.set(key, arc);
  }
  const arcs = [...byPair.values()];
  const most = Math.max(1, ...arcs.map((a) => a.numberOfTrips));
  return {
    unplaced,
    arcs: arcs
      .map((a) => ({ ...a, width: lineWidth(a.numberOfTrips, most), paths: splitAtAntimeridian(greatCirclePoints(a.from.at, a.to.at, steps)) }))
      .sort((a, b) => b.numberOfTrips - a.numberOfTrips || a.key.localeCompare(b.key)),
  };
}

/** 1 px for one trip, 8 px for the busiest route, by square root (areas grow with the trips). */
export function lineWidth(trips: number, most: number): number {
  if (most <= 1) return 1;
  return Math.round((1 + (7 * (Math.sqrt(trips) - 1)) / (Math.sqrt(most) - 1)) * 10) / 10;
}

/** The map's view around the arcs, `[[west, north], [east, south]]` with a margin (the whole world without arcs). */
export function arcsExtent(arcs: readonly TripArc[], margin = 8): [[number, number], [number, number]] {
  const points = arcs.flatMap((a) => a.paths.flat());
  if (points.length === 0) return [[-180, 85], [180, -60]];
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  return [
    [clamp(Math.min(...lons) - margin, -180, 180), clamp(Math.max(...lats) + margin, -85, 85)],
    [clamp(Math.max(...lons) + margin, -180, 180), clamp(Math.min(...lats) - margin, -85, 85)],
  ];
}
