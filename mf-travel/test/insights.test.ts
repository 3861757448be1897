import { describe, expect, it } from 'vitest';
import { TripRouteList } from '@co2/contracts';
import { kgByClass, kgByHaulBand, kgByTraveller, kgByType } from '../src/features/insights/aggregations.js';
import { greatCirclePoints, splitAtAntimeridian } from '../src/features/insights/great-circle.js';
import { lineWidth, tripArcs } from '../src/features/insights/trip-arcs.js';
import { gva, jfk, lausanne, route, zurich } from './fixtures.js';

const at = (l: { code: string; name: string; municipality: string | null; countryCode: string; latitude: number; longitude: number }) => ({ ...l, known: true });

describe('great-circle paths (the map’s arcs)', () => {
  it('starts and ends at the two places and bends towards the pole', () => {
    const points = greatCirclePoints([gva.longitude, gva.latitude], [jfk.longitude, jfk.latitude], 16);
    expect(points).toHaveLength(17);
    expect(points[0]![0]).toBeCloseTo(gva.longitude, 6);
    expect(points[16]![1]).toBeCloseTo(jfk.latitude, 6);
    expect(Math.max(...points.map((p) => p[1]))).toBeGreaterThan(Math.max(gva.latitude, jfk.latitude)); // north of both ends
  });

  it('follows the equator between two equator points, and splits a path crossing the antimeridian', () => {
    const equator = greatCirclePoints([0, 0], [90, 0], 2);
    expect(equator[1]![0]).toBeCloseTo(45, 6);
    expect(equator[1]![1]).toBeCloseTo(0, 6);
    const pacific = greatCirclePoints([170, 0], [-170, 0], 4);
    expect(splitAtAntimeridian(pacific)).toHaveLength(2);
    expect(greatCirclePoints([5, 5], [5, 5])).toEqual([[5, 5], [5, 5]]);
  });
});

describe('trip arcs', () => {
  it('when a route is flown both ways, then it is one arc whose trips add up, widest for the busiest route', () => {
    const routes = TripRouteList.parse({
      items: [
        route({ numberOfTrips: 2, kgCo2eq: 10 }),
        route({ origin: at(jfk), destination: at(gva), numberOfTrips: 2, kgCo2eq: 10 }),
        route({ type: 'train', origin: at(lausanne), destination: at(zurich), numberOfTrips: 1, kgCo2eq: 1, haulBand: null }),
        route({ destination: { code: 'XXX', name: 'XXX', municipality: null, countryCode: null, latitude: null, longitude: null, known: false }, numberOfTrips: 3 }),
      ],
    }).items;
    const { arcs, unplaced } = tripArcs(routes, 8);
    expect(unplaced).toBe(3);
    expect(arcs.map((a) => [a.key, a.numberOfTrips, a.width])).toEqual([
      ['plane:GVA–JFK', 4, 8],
      ['train:Lausanne–Zürich HB', 1, 1],
    ]);
    expect(arcs[0]!.kgCo2eq).toBe(20);
    expect(arcs[0]!.paths[0]).toHaveLength(9);
    expect(lineWidth(1, 1)).toBe(1);
    expect(lineWidth(4, 16)).toBeCloseTo(3.3, 1);
  });
});

describe('chart series', () => {
  const routes = [
    route({ travellerId: 'a', cabinClass: 'business', kgCo2eq: 30 }),
    route({ travellerId: 'b', kgCo2eq: 20, haulBand: 'short_to_medium_haul' }),
    route({ type: 'train', cabinClass: 'second', travellerId: 'a', kgCo2eq: 1, haulBand: null }),
    route({ haulBand: null, travellerId: 'c', kgCo2eq: 5 }),
  ];

  it('sums kg by class (per mode), by haul band (trains and unknown distances apart) and by mode, largest first', () => {
    expect(kgByClass(routes).map((s) => [s.key, s.kgCo2eq])).toEqual([['plane:business', 30], ['plane:economy', 25], ['train:second', 1]]);
    expect(kgByHaulBand(routes).map((s) => [s.key, s.kgCo2eq])).toEqual([['medium_to_long_haul', 30], ['short_to_medium_haul', 20], ['none', 6]]);
    expect(kgByType(routes).map((s) => [s.key, s.kgCo2eq])).toEqual([['plane', 55], ['train', 1]]);
  });

  it('keeps the top travellers and sums the others last', () => {
    expect(kgByTraveller(routes).map((s) => [s.key, s.kgCo2eq])).toEqual([['a', 31], ['b', 20], ['c', 5]]);
    expect(kgByTraveller(routes, 2).map((s) => [s.key, s.kgCo2eq])).toEqual([['a', 31], ['b', 20], ['other', 5]]);
  });
});

describe('the map’s view', () => {
  it('frames the arcs with a margin, or the whole world when there is none', async () => {
    const { arcsExtent } = await import('../src/features/insights/trip-arcs.js');
    const { arcs } = tripArcs([route({})], 4);
    const [[west, north], [east, south]] = arcsExtent(arcs, 5);
    expect(west).toBeCloseTo(jfk.longitude - 5, 3);
    expect(east).toBeCloseTo(gva.longitude + 5, 3);
    expect(south).toBeCloseTo(jfk.latitude - 5, 3);
    expect(north).toBeGreaterThan(gva.latitude + 5);
    expect(arcsExtent([])).toEqual([[-180, 85], [180, -60]]);
  });
});
