// Benchmark (prints figures, not a test): a 1,000,000-row plane-trip import through the real data-import job.
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx core-api/bench/import-million.ts [rows]
// Creates a scratch database (migrations + demo seed: units, ~4,500 airports, 2025 plane factors), writes a
// per-year CSV of plane trips (several units, IATA pairs drawn from the seeded large airports), then prints:
//   - the raw COPY rate of the same CSV into a plain table of matching text columns (the floor of any import);
//   - one typed pass over those staged rows (CREATE TABLE AS with casts): COPY + that pass bounds what any
//     staged import can reach, whatever its storage;
//   - a per-row INSERT rate on a 10,000-row sample (one autocommitted statement per row);
//   - the import rate through core-api's JobRunner (distance and factor computed, applied in one transaction),
//     with the core-api HTTP app and runner in a child process and /healthz hammered at a steady rate meanwhile;
//   - the ratios, and /healthz p50/p99/max idle (same run) and during the import;
//   - the recalculate-emissions job over the imported entries after their plane factors' ef changed, next to a
//     single set-based UPDATE of the same emission rows (same run, VACUUM in between), then the aggregation the
//     recalculation chains (the modules' cached totals), timed apart.
// BENCH_REPLACE=1 also times a second per-year import of the same file (it replaces the first one's rows).
// The child is this same file started with `--serve <database url>`.
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@co2/deploy/testing';
import { from as copyFrom } from 'pg-copy-streams';
import pino from 'pino';
import { createApp } from '../src/app.js';
import { createDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { createJobRegistry } from '../src/jobs/index.js';
import { JobRunner } from '../src/jobs/runner.js';
import { DATA_IMPORT_JOB } from '../src/imports/jobs/data-import.job.js';
import { enqueueJob } from '../src/repositories/job.repository.js';
import { recalculateEmissions } from '../src/recalculation/recalculate-emissions.job.js';
import { refreshReportTotals } from '../src/repositories/aggregation.repository.js';

const HEALTHZ_EVERY_MS = 10;

// ---------------------------------------------------------------------------------------------------- child
async function serve(url: string): Promise<void> {
  const handle = createDatabase(url, { onPoolError: () => {}, max: 6 });
  const logger = pino({ level: 'warn' });
  const runner = new JobRunner({ db: handle.db, pool: handle.pool, registry: createJobRegistry(handle), logger, pollIntervalMs: 100 });
  const app = createApp({ config: { oidc: { issuer: 'http://127.0.0.1:1', audience: 'bench' }, uploads: { maxBytes: 100e6 } } as never, db: handle.db, logger });
  const server = app.listen(0, '127.0.0.1', () => {
    runner.start();
    process.stdout.write(`${JSON.stringify({ port: (server.address() as { port: number }).port })}\n`);
  });
  process.once('SIGTERM', () => {
    server.close();
    void runner.stop().then(() => handle.close()).then(() => process.exit(0));
  });
}

// --------------------------------------------------------------------------------------------------- parent
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `n=${s.length}  p50 ${pct(s, 50).toFixed(1)} ms  p99 ${pct(s, 99).toFixed(1)} ms  max ${(s[s.length - 1] ?? NaN).toFixed(1)} ms`;
};

/** Deterministic pseudo-random numbers (same file every run). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADER = 'unit_institutional_id,origin_iata,destination_iata,user_institutional_id,departure_date,number_of_trips,cabin_class';

async function writeCsv(path: string, rows: number, units: string[], airports: string[]): Promise<void> {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const hubs = ['GVA', 'ZRH', 'BSL'].filter((h) => airports.includes(h));
  const cabins = ['economy', 'economy', 'economy', 'economy', 'business', 'first'];
  const chunks: string[] = [HEADER];
  for (let i = 0; i < rows; i++) {
    const origin = rand() < 0.6 ? pick(hubs) : pick(airports);
    let destination = pick(airports);
    if (destination === origin) destination = pick(airports);
    const day = 1 + Math.floor(rand() * 28);
    const month = 1 + Math.floor(rand() * 12);
    const trips = rand() < 0.8 ? 1 : 1 + Math.floor(rand() * 4);
    chunks.push(`${pick(units)},${origin},${destination},${100000 + Math.floor(rand() * 5000)},2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},${trips},${pick(cabins)}`);
  }
  await writeFile(path, `${chunks.join('\n')}\n`);
}

function startChild(url: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [...process.execArgv, ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []), fileURLToPath(import.meta.url), '--serve', url], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the core-api child exited (${code})`)));
    child.stdout.once('data', (buf: Buffer) => {
      const { port } = JSON.parse(buf.toString()) as { port: number };
      resolve({ port, stop: () => new Promise<void>((done) => (child.removeAllListeners('exit'), child.once('exit', () => done()), child.kill('SIGTERM'))) });
    });
  });
}

/** GETs /healthz every `everyMs` (a new request even when the previous is still waiting) until `stop()`. */
function hammer(port: number, everyMs: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  /** When each measured request started (performance.now()), to split the figures by import phase. */
  const startedAt: number[] = [];
  let failures = 0;
  const one = () => {
    const t = performance.now();
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => {
      res.resume();
      res.once('end', () => {
        if (res.statusCode !== 200) return void failures++;
        latencies.push(performance.now() - t);
        startedAt.push(t);
      });
    });
    req.once('error', () => failures++);
  };
  const timer = setInterval(one, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await new Promise((r) => setTimeout(r, 200));
      agent.destroy();
      return { latencies, startedAt, failures };
    },
  };
}

async function main(rows: number): Promise<void> {
  const testDb = await createTestDatabase('bench_import');
  const handle = createDatabase(testDb.url, { onPoolError: () => {}, max: 4 });
  const dir = await mkdtemp(join(tmpdir(), 'co2-bench-import-'));
  let child: Awaited<ReturnType<typeof startChild>> | undefined;
  try {
    await runMigrations(handle.pool);
    await seedDemo(handle.db);
    const units = (await handle.pool.query<{ code: string }>(`SELECT code FROM units ORDER BY code`)).rows.map((r) => r.code);
    const airports = (await handle.pool.query<{ iata: string }>(`SELECT iata FROM airports WHERE kind = 'large_airport' ORDER BY iata`)).rows.map((r) => r.iata);
    const csv = join(dir, 'planes.csv');
    await writeCsv(csv, rows, units, airports);
    const bytes = (await stat(csv)).size;
    console.log(`${fmt(rows)} plane trips, ${units.length} units, ${airports.length} airports, ${(bytes / 1e6).toFixed(1)} MB CSV`);

    // Raw COPY: the same file into a plain table of text columns.
    const cols = HEADER.split(',').map((c) => `${c} text`).join(', ');
    await handle.pool.query(`CREATE TABLE bench_raw (${cols}); CREATE TABLE bench_insert (${cols})`);
    const client = await handle.pool.connect();
    let copyMs: number;
    try {
      const t = performance.now();
      await pipeline(createReadStream(csv), client.query(copyFrom(`COPY bench_raw FROM STDIN (FORMAT csv, HEADER true)`)));
      copyMs = performance.now() - t;
    } finally {
      client.release();
    }
    const copyRate = (rows / copyMs) * 1000;
    console.log(`raw COPY (CSV → text table)          ${fmt(copyMs)} ms   ${fmt(copyRate)} rows/s`);

    // The ceiling of ANY staged import: after the COPY, one more pass that only types the staged rows (casts, no
    // lookup, no index, no constraint) into a new table. An import that stages and then writes typed rows cannot
    // beat COPY + this pass, whatever its storage design.
    const typedStart = performance.now();
    await handle.pool.query(
      `CREATE TABLE bench_typed AS SELECT unit_institutional_id, upper(origin_iata) AS origin, upper(destination_iata) AS destination, user_institutional_id,
              departure_date::date AS departure_date, number_of_trips::int AS trips, cabin_class FROM bench_raw`,
    );
    const typedMs = performance.now() - typedStart;
    await handle.pool.query(`DROP TABLE bench_typed`);
    console.log(`one typed pass over the staged rows (CREATE TABLE AS, casts only)  ${fmt(typedMs)} ms  → ceiling of any staged import: ${(copyMs / (copyMs + typedMs)).toFixed(2)} × raw COPY`);

    // Per-row INSERT: 10,000 rows of the same data, one autocommitted statement each.
    const sample = (await handle.pool.query<Record<string, string>>(`SELECT * FROM bench_raw LIMIT $1`, [process.env.BENCH_INSERT_SAMPLE ?? 10_000])).rows;
    const names = HEADER.split(',');
    const insertSql = `INSERT INTO bench_insert VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`;
    let t = performance.now();
    for (const r of sample) await handle.pool.query(insertSql, names.map((n) => r[n]));
    const insertRate = (sample.length / (performance.now() - t)) * 1000;
    console.log(`per-row INSERT (${fmt(sample.length)}-row sample)        ${fmt(insertRate)} rows/s`);

    // The write floor: the same rows, already computed, written by one INSERT … SELECT each into entries and
    // entry_emissions (same indexes, foreign keys, jsonb) in one transaction, then rolled back. Any import of
    // these rows pays at least this; the rest of the import's time is parsing, validation and computation.
    let floorMs = NaN;
    if (!process.env.BENCH_SKIP_FLOOR) {
      const c = await handle.pool.connect();
      try {
        await c.query('BEGIN');
        const [module] = (await c.query<{ id: string }>(`SELECT rm.id FROM report_modules rm JOIN carbon_reports cr ON cr.id = rm.report_id WHERE rm.module = 'professional-travel' AND cr.year = 2025 LIMIT 1`)).rows;
        const [factor] = (await c.query<{ id: string }>(`SELECT id FROM factors WHERE submodule = 'professional-travel/plane' AND year = 2025 LIMIT 1`)).rows;
        const floorStart = performance.now();
        await c.query(
          `INSERT INTO entries (id, report_module_id, submodule, data, source, status)
           SELECT ('00000000-0000-8000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, $1, 'professional-travel/plane',
                  jsonb_build_object('origin_iata', origin_iata, 'destination_iata', destination_iata, 'user_institutional_id', user_institutional_id,
                    'departure_date', departure_date, 'number_of_trips', number_of_trips::int, 'cabin_class', cabin_class), 'csv_year', 'computed'
           FROM (SELECT row_number() OVER () AS n, * FROM bench_raw) r`,
          [module?.id],
        );
        await c.query(
          `INSERT INTO entry_emissions (entry_id, emission_type_id, emission_type, scope, category, additional, kg_co2eq, factor_id, factor_year, quantity, quantity_unit, formula, inputs)
           SELECT ('00000000-0000-8000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 50203, 'professional_travel__plane__eco', 3, 'professional_travel', false, 1000, $1, 2025,
                  5095, 'km', 'distance_km × ef_kg_co2eq_per_km × rfi_adjustment',
                  jsonb_build_object('great_circle_km', 5000, 'one_trip_km', 5095, 'number_of_trips', 1, 'distance_km', 5095, 'haul_category', 'medium_to_long_haul',
                    'ef_kg_co2eq_per_km', 0.1902, 'rfi_adjustment', 1.35)
           FROM generate_series(1, $2::int) n`,
          [factor?.id, rows],
        );
        floorMs = performance.now() - floorStart;
      } finally {
        await c.query('ROLLBACK');
        c.release();
      }
      await handle.pool.query('VACUUM entries, entry_emissions');
      console.log(`write floor (computed rows → entries + emissions, 2 INSERT … SELECT)  ${fmt(floorMs)} ms   ${fmt((rows / floorMs) * 1000)} rows/s`);
    }
    await handle.pool.query(`DROP TABLE bench_raw, bench_insert`);
    await handle.pool.query(`VACUUM ANALYZE`);

    // The import through the job runner of a core-api child, with /healthz hammered meanwhile.
    child = await startChild(testDb.url);
    const warmUp = hammer(child.port, HEALTHZ_EVERY_MS); // JIT, sockets
    await new Promise((r) => setTimeout(r, 1000));
    await warmUp.stop();
    const idle = hammer(child.port, HEALTHZ_EVERY_MS);
    await new Promise((r) => setTimeout(r, 3000));
    const idleStats = await idle.stop();
    const busy = hammer(child.port, HEALTHZ_EVERY_MS);
    const payload = { path: csv, format: 'travel-planes', mode: 'per-year', year: 2025 };
    const { id } = await enqueueJob(handle.db, { type: DATA_IMPORT_JOB, payload, lockKey: 'data-import:2025', maxAttempts: 1 });
    t = performance.now();
    let job: { state: string; error: string | null; result: { report: { status: string; rows: object }; applied: object | null } | null; ms: number | null; phases: unknown } | undefined;
    let lastPhase = '';
    const phaseAt: Record<string, number> = {};
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      const { rows: found } = await handle.pool.query(
        `SELECT state, error, result, progress->>'phase' AS phase, extract(epoch FROM (finished_at - started_at)) * 1000 AS ms FROM data_ingestion_jobs WHERE id = $1`,
        [id],
      );
      job = found[0];
      const phase = (found[0]?.phase as string | null) ?? '';
      if (phase && phase !== lastPhase) phaseAt[(lastPhase = phase)] = performance.now();
      if (job && ['succeeded', 'failed', 'aborted'].includes(job.state)) break;
    }
    const busyStats = await busy.stop();
    if (job?.state !== 'succeeded') throw new Error(`the import ${job?.state}: ${job?.error}`);
    const importMs = Number(job.ms);
    const importRate = (rows / importMs) * 1000;
    const entries = (await handle.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM entries WHERE source = 'csv_year'`)).rows[0]?.n;
    const computed = (await handle.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM entry_emissions`)).rows[0]?.n;
    const enqueuedAt = t;
    console.log(`phases (first seen by a 100 ms poll, ms after enqueue):  ${Object.entries(phaseAt).map(([p, at]) => `${p} ${fmt(at - enqueuedAt)}`).join(', ')}`);
    console.log(`import through the job (started → finished) ${fmt(importMs)} ms   ${fmt(importRate)} rows/s   report ${job.result?.report.status} ${JSON.stringify(job.result?.report.rows)}; ${fmt(entries ?? 0)} entries, ${fmt(computed ?? 0)} emission rows`);
    console.log(`ratios: import / raw COPY = ${(importRate / copyRate).toFixed(3)} (target ≥ 0.4); import / per-row INSERT = ${(importRate / insertRate).toFixed(1)}; raw COPY / per-row INSERT = ${(copyRate / insertRate).toFixed(1)}; import / write floor = ${(floorMs / importMs).toFixed(2)}`);
    console.log(`/healthz idle (same run, every ${HEALTHZ_EVERY_MS} ms)          ${summary(idleStats.latencies)}  failures ${idleStats.failures}`);
    console.log(`/healthz during the import (every ${HEALTHZ_EVERY_MS} ms)  ${summary(busyStats.latencies)}  failures ${busyStats.failures}  (target p99 < 100 ms)`);
    const bounds = Object.entries(phaseAt);
    for (const [i, [phase, from]] of bounds.entries()) {
      const to = bounds[i + 1]?.[1] ?? Infinity;
      const inPhase = busyStats.latencies.filter((_, k) => (busyStats.startedAt[k] as number) >= from && (busyStats.startedAt[k] as number) < to);
      console.log(`  /healthz while ${phase.padEnd(10)} ${summary(inPhase)}`);
    }
    if (process.env.BENCH_REPLACE) {
      // A second per-year import of the same file: it first removes the N rows of the first (and their emission
      // rows, by the foreign-key cascade), then writes N again — the yearly re-import of a whole year.
      const again = await enqueueJob(handle.db, { type: DATA_IMPORT_JOB, payload, lockKey: 'data-import:2025', maxAttempts: 1 });
      let replaced: { state: string; error: string | null; ms: number | null; result: { applied: { replaced: number } | null } | null } | undefined;
      do {
        await new Promise((r) => setTimeout(r, 100));
        replaced = (await handle.pool.query(`SELECT state, error, result, extract(epoch FROM (finished_at - started_at)) * 1000 AS ms FROM data_ingestion_jobs WHERE id = $1`, [again.id])).rows[0];
      } while (replaced && !['succeeded', 'failed', 'aborted'].includes(replaced.state));
      if (replaced?.state !== 'succeeded') throw new Error(`the second import ${replaced?.state}: ${replaced?.error}`);
      console.log(`per-year re-import of the same file (removes ${fmt(replaced.result?.applied?.replaced ?? 0)} rows, writes them again)  ${fmt(Number(replaced.ms))} ms   ${fmt((rows / Number(replaced.ms)) * 1000)} rows/s`);
    }
    await child.stop();
    child = undefined;

    // Recalculation of the imported entries after a factor change, next to one set-based UPDATE of the same rows.
    await handle.pool.query('VACUUM ANALYZE entries, entry_emissions, report_modules');
    const factorIds = (
      await handle.pool.query<{ id: string }>(
        `SELECT DISTINCT em.factor_id AS id FROM entry_emissions em JOIN entries e ON e.id = em.entry_id WHERE e.source = 'csv_year' AND em.factor_id IS NOT NULL`,
      )
    ).rows.map((r) => r.id);
    t = performance.now();
    const updated = await handle.pool.query(
      `UPDATE entry_emissions em SET kg_co2eq = em.quantity * (f.values->>'ef_kg_co2eq_per_km')::float8 * 1.01 * coalesce((f.values->>'rfi_adjustment')::float8, 1)
       FROM factors f, entries e WHERE f.id = em.factor_id AND e.id = em.entry_id AND e.source = 'csv_year' AND em.factor_id = ANY($1::uuid[])`,
      [factorIds],
    );
    const updateMs = performance.now() - t;
    await handle.pool.query('VACUUM entry_emissions');
    await handle.pool.query(
      `UPDATE factors SET values = jsonb_set(values, '{ef_kg_co2eq_per_km}', to_jsonb((values->>'ef_kg_co2eq_per_km')::float8 * 1.02)) WHERE id = ANY($1::uuid[])`,
      [factorIds],
    );
    t = performance.now();
    const recalc = await recalculateEmissions(
      { db: handle.db, pool: handle.pool },
      { submodule: 'professional-travel/plane', year: 2025, factorIds, full: false },
      { signal: new AbortController().signal, progress: () => undefined },
    );
    const recalcMs = performance.now() - t;
    const setBased = Object.values(recalc.setBased).reduce((a, b) => a + b, 0);
    // The pipeline's next job: the report modules' cached totals from the new rows.
    const aggClient = await handle.pool.connect();
    t = performance.now();
    await refreshReportTotals(aggClient, { year: 2025, module: 'professional-travel' }).finally(() => aggClient.release());
    const aggregationMs = performance.now() - t;
    console.log(`single set-based UPDATE of the ${fmt(updated.rowCount ?? 0)} emission rows (${factorIds.length} factors)   ${fmt(updateMs)} ms`);
    console.log(`recalculate-emissions after the factors' ef change       ${fmt(recalcMs)} ms  (${fmt(setBased)} rows set-based, ${fmt(recalc.engine.entries)} entries by the engine)`);
    console.log(`ratio recalculation / UPDATE = ${(recalcMs / updateMs).toFixed(2)} (target ≤ 2)`);
    console.log(`then the aggregation it chains (module totals)  ${fmt(aggregationMs)} ms; recalculation + aggregation / UPDATE = ${((recalcMs + aggregationMs) / updateMs).toFixed(2)}`);
  } finally {
    await child?.stop();
    await handle.close();
    await testDb.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') await serve(process.argv[3] as string);
else await main(Number(process.argv[2] ?? 1_000_000));
