// Benchmark (prints figures, not a test): the trip forms' location search over the shipped airports and stations.
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx core-api/bench/location-search.ts [rounds]
// Creates a scratch database, seeds the demo data (4,517 airports with IATA codes, the starter stations), then
// times the search use case in process (repository + PostgreSQL, no HTTP, no token check) for 50 typical
// prefixes — what people type in the origin and destination fields — each searched `rounds` times (default 40).
// Target: p95 ≤ 20 ms.
import { createTestDatabase } from '@co2/deploy/testing';
import { LocationSearchQuery } from '@co2/contracts';
import { createDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { createSearchLocations } from '../src/domain/locations/locations.js';
import { createRepositories } from '../src/repositories/index.js';
import { createTimer } from './timing.js';

const ROUNDS = Number(process.argv[2] ?? 40);
/** 35 airport prefixes (IATA codes, cities, names, partial words) and 15 station prefixes. */
const AIRPORTS = [
  'G', 'Ge', 'Gen', 'Gene', 'Geneva', 'GVA', 'JFK', 'ZRH', 'LHR', 'CDG', 'Zur', 'Zurich', 'Lon', 'London', 'Par', 'Paris', 'New', 'New Y',
  'Ber', 'Berlin', 'Tok', 'Tokyo', 'Bos', 'San', 'San Fr', 'Los', 'Mad', 'Barc', 'Rom', 'Mil', 'Amst', 'Frankf', 'Münch', 'Sao', 'inter',
];
const STATIONS = ['L', 'La', 'Lau', 'Lausanne', 'Zür', 'Zurich', 'Gen', 'Genève', 'Bern', 'Basel', 'Paris', 'Paris G', 'Mil', 'Milano', 'Hbf'];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const { baseline } = createTimer(48);

const testDb = await createTestDatabase('bench_location_search');
const handle = createDatabase(testDb.url, { onPoolError: () => {}, max: 4 });
try {
  await runMigrations(handle.pool);
  await seedDemo(handle.db);
  await handle.pool.query('ANALYZE');
  const counts = (await handle.pool.query('SELECT (SELECT count(*) FROM airports) AS airports, (SELECT count(*) FROM train_stations) AS stations')).rows[0];
  console.log(`reference data: ${counts.airports} airports, ${counts.stations} stations; ${AIRPORTS.length + STATIONS.length} prefixes × ${ROUNDS} rounds`);
  await baseline(() => handle.pool.query('SELECT 1'));
  const search = createSearchLocations({ locations: createRepositories(handle.db).locations });
  const queries = [
    ...AIRPORTS.map((q) => LocationSearchQuery.parse({ kind: 'airport', q, limit: '8' })),
    ...STATIONS.map((q) => LocationSearchQuery.parse({ kind: 'station', q, limit: '8' })),
  ];
  for (const q of queries) await search(q); // warm-up

  const samples: Record<'airport' | 'station', number[]> = { airport: [], station: [] };
  const slowest = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const t = performance.now();
      await search(q);
      const ms = performance.now() - t;
      samples[q.kind].push(ms);
      slowest.set(`${q.kind}:${q.q}`, Math.max(slowest.get(`${q.kind}:${q.q}`) ?? 0, ms));
    }
  }
  const report = (label: string, ms: number[]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    console.log(`${label.padEnd(48)} n=${sorted.length}  p50 ${pct(sorted, 50).toFixed(2)} ms  p95 ${pct(sorted, 95).toFixed(2)} ms  max ${sorted[sorted.length - 1]?.toFixed(2)} ms`);
    return pct(sorted, 95);
  };
  report('search airports (35 prefixes)', samples.airport);
  report('search stations (15 prefixes)', samples.station);
  const p95 = report('search, all 50 prefixes', [...samples.airport, ...samples.station]);
  const worst = [...slowest.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
  console.log(`slowest prefixes (max): ${worst.map(([k, ms]) => `${k} ${ms.toFixed(1)} ms`).join(', ')}`);
  console.log(p95 <= 20 ? `p95 ${p95.toFixed(2)} ms ≤ 20 ms: target met` : `p95 ${p95.toFixed(2)} ms > 20 ms: TARGET MISSED`);
} finally {
  await handle.close();
  await testDb.drop();
}
