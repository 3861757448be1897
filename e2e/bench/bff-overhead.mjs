#!/usr/bin/env node
// Benchmark (not a test): the cost of the BFF on an authenticated read. In one run on this machine, the same
// GET /api/v1/units three ways: directly to core-api with a valid token; through a bare http-proxy-middleware
// pass-through (bare-proxy.mjs: the cost of an extra hop); through our BFF with a session cookie. Prints
// requests/s, p50, p99 (closed loop), the ratios, p50/p99 at a fixed 300 requests/s, and the writes to
// bff.session during the BFF's read-only runs. The closed-loop time of each mode is split into rounds that
// alternate the modes (rotating their order), so that load from elsewhere on the machine falls on all three
// alike; the figures are over all rounds, and the BFF / bare proxy ratio of each round is printed too.
// Targets: BFF ≥ 0.8 × bare pass-through throughput; added p50 at 300 req/s ≤ 5 ms over direct; 0 writes.
// Run: npx tsx e2e/bench/bff-overhead.mjs   (DATABASE_URL: an admin URL of a PostgreSQL, default the local
// postgres://postgres@127.0.0.1:5432/test; a scratch database is created and dropped). Loopback only.
// Env: BENCH_SECONDS (closed-loop time per mode, default 8), BENCH_ROUNDS (default 4), BENCH_CONNECTIONS
// (default 32). All BFF runs end within a minute of its sign-in (a session is touched at most once a minute).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Pool } from 'undici';
import { CookieJar, signInWithPassword } from '../../deploy/dev-idp/src/index.ts';
import { startPortal } from '../../deploy/local/portal.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PATH = '/api/v1/units';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const TARGET_RATIO = 0.8;
const TARGET_ADDED_P50_MS = 5;
const FIXED_RATE = 300;
const FIXED_SECONDS = 6;

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (n) => `${n.toFixed(2)} ms`;

/** Closed loop: CONNECTIONS workers back to back for `seconds`; latency of every request. */
async function closedLoop(origin, headers, seconds) {
  const pool = new Pool(origin, { connections: CONNECTIONS, pipelining: 1 });
  const latencies = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const t = performance.now();
      const res = await pool.request({ path: PATH, method: 'GET', headers });
      await res.body.dump();
      if (res.statusCode !== 200) errors += 1;
      latencies.push(performance.now() - t);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  return { latencies, elapsed, errors };
}

/** The process listening on the origin's port (Linux: `ss`), to read its CPU time; undefined elsewhere. */
function listenerPid(origin) {
  try {
    const port = new URL(origin).port;
    const line = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
    return Number(/pid=(\d+)/.exec(line)?.[1]) || undefined;
  } catch {
    return undefined;
  }
}
/** User + system CPU time of a process in ms (/proc, clock ticks of 10 ms). */
function cpuMs(pid) {
  if (!pid) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Figures over several closed-loop runs of one mode. */
function summary(runs) {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const elapsed = runs.reduce((t, r) => t + r.elapsed, 0);
  return { rps: latencies.length / elapsed, p50: pct(latencies, 50), p99: pct(latencies, 99), errors: runs.reduce((e, r) => e + r.errors, 0), n: latencies.length };
}
const rpsOf = (run) => run.latencies.length / run.elapsed;

/** Open loop: one request every 1/rate s for `seconds`, latency measured from the scheduled start. */
async function fixedRate(origin, headers, rate, seconds) {
  const pool = new Pool(origin, { connections: 64, pipelining: 1 });
  const latencies = [];
  let errors = 0;
  const total = rate * seconds;
  const start = performance.now();
  const inflight = [];
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      pool.request({ path: PATH, method: 'GET', headers }).then(async (res) => {
        await res.body.dump();
        if (res.statusCode !== 200) errors += 1;
        latencies.push(performance.now() - due);
      }),
    );
  }
  await Promise.all(inflight);
  await pool.close();
  latencies.sort((a, b) => a - b);
  return { p50: pct(latencies, 50), p99: pct(latencies, 99), errors };
}

function startBareProxy(target) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(HERE, 'bare-proxy.mjs')], { env: { ...process.env, TARGET: target, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.once('error', reject);
    child.stdout.on('data', (d) => {
      const port = /ready (\d+)/.exec(String(d))?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') });
    });
  });
}

async function signInThroughBff(origin, login) {
  const jar = new CookieJar();
  let url = `${origin}/auth/login`;
  let res = await jar.fetch(url);
  while (res.status >= 300 && res.status < 400) {
    url = new URL(res.headers.get('location'), url).href;
    res = await jar.fetch(url);
  }
  const html = await res.text();
  const action = new URL(/<form method="post" action="([^"]+)"/.exec(html)[1], url).href;
  res = await jar.fetch(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ login, password: login }) });
  url = action;
  while (res.status >= 300 && res.status < 400) {
    url = new URL(res.headers.get('location'), url).href;
    res = await jar.fetch(url);
    await res.text();
    if (url.startsWith(`${origin}/auth/callback`)) break;
  }
  const value = jar.get(origin, 'co2.sid');
  if (!value) throw new Error('sign-in through the BFF set no session cookie');
  return `co2.sid=${value}`;
}

async function sessionWrites(db) {
  await db.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await db.query(`SELECT n_tup_ins + n_tup_upd + n_tup_del AS w FROM pg_stat_user_tables WHERE schemaname = 'bff' AND relname = 'session'`);
  return Number(rows[0]?.w ?? 0);
}
const rowVersions = async (db) => (await db.query(`SELECT sid, xmin::text AS xmin FROM bff.session ORDER BY sid`)).rows;

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dbName = `bench_bff_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).href;
const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-bff-'));
let portal;
let bare;
const db = new pg.Client({ connectionString: databaseUrl });
try {
  portal = await startPortal({ port: 0, databaseUrl, dataDir, quiet: true, log: () => {}, env: { LOG_LEVEL: 'warn' } });
  await db.connect();
  bare = await startBareProxy(portal.coreUrl);
  const { accessToken } = await signInWithPassword({
    issuer: portal.issuer,
    clientId: portal.oidc.clientId,
    clientSecret: portal.oidc.clientSecret,
    redirectUri: `${portal.url}/auth/callback`,
    login: 'principal',
    resource: portal.audience,
  });
  const bearer = { authorization: `Bearer ${accessToken}` };
  const check = async (origin, headers) => {
    const res = await fetch(`${origin}${PATH}`, { headers });
    if (res.status !== 200) throw new Error(`${origin}${PATH} answered ${res.status}: ${await res.text()}`);
  };
  await check(portal.coreUrl, bearer);
  await check(bare.url, bearer);

  // Warm-up of every mode, then the BFF's sign-in (a session is touched at most once a minute: every BFF run
  // below ends within a minute of it), then the rounds.
  await closedLoop(portal.coreUrl, bearer, 2);
  await closedLoop(bare.url, bearer, 2);
  const cookie = await signInThroughBff(portal.url, 'principal');
  const cookieHeaders = { cookie };
  await check(portal.url, cookieHeaders);
  await closedLoop(portal.url, cookieHeaders, 2);
  const writesBefore = await sessionWrites(db);
  const versionsBefore = await rowVersions(db);

  const modes = [
    ['direct', portal.coreUrl, bearer],
    ['bare proxy', bare.url, bearer],
    ['bff', portal.url, cookieHeaders],
  ];
  const runs = Object.fromEntries(modes.map(([name]) => [name, []]));
  const pids = Object.fromEntries(modes.map(([name, origin]) => [name, listenerPid(origin)]));
  const cpu = Object.fromEntries(modes.map(([name]) => [name, 0]));
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = modes.map((_, i) => modes[(i + round) % modes.length]);
    for (const [name, origin, headers] of order) {
      const before = cpuMs(pids[name]);
      runs[name].push(await closedLoop(origin, headers, SECONDS / ROUNDS));
      cpu[name] += cpuMs(pids[name]) - before;
    }
  }
  const results = Object.fromEntries(Object.entries(runs).map(([name, r]) => [name, { ...summary(r), cpuPerRequest: cpu[name] / summary(r).n }]));

  const fixed = {};
  for (const [name, origin, headers] of [
    ['direct', portal.coreUrl, bearer],
    ['bare proxy', bare.url, bearer],
    ['bff', portal.url, cookieHeaders],
  ]) fixed[name] = await fixedRate(origin, headers, FIXED_RATE, FIXED_SECONDS);
  await new Promise((r) => setTimeout(r, 1500)); // statistics are flushed about once a second
  const writes = (await sessionWrites(db)) - writesBefore;
  const versionsAfter = await rowVersions(db);
  const rewritten = versionsAfter.filter((v) => versionsBefore.find((b) => b.sid === v.sid)?.xmin !== v.xmin).length;

  const verdict = (ok) => (ok ? 'MET' : 'NOT MET');
  console.log(`\nGET ${PATH}, ${CONNECTIONS} connections, closed loop ${SECONDS} s per mode in ${ROUNDS} alternating rounds (undici, loopback, 2 cores shared with the servers)\n`);
  console.log('mode        req/s     p50        p99        errors   CPU per request of the answering process');
  const serverOf = { direct: 'core-api', 'bare proxy': 'bare proxy', bff: 'BFF' };
  for (const [name, r] of Object.entries(results)) {
    const cpuText = Number.isFinite(r.cpuPerRequest) ? `${ms(r.cpuPerRequest)} (${serverOf[name]})` : 'n/a';
    console.log(`${name.padEnd(11)} ${r.rps.toFixed(0).padStart(6)}   ${ms(r.p50).padEnd(10)} ${ms(r.p99).padEnd(10)} ${String(r.errors).padEnd(8)} ${cpuText}`);
  }
  const ratio = results.bff.rps / results['bare proxy'].rps;
  const perRound = runs.bff.map((r, i) => (rpsOf(r) / rpsOf(runs['bare proxy'][i])).toFixed(2)).join(' ');
  console.log(`\nbare proxy / direct: ${(results['bare proxy'].rps / results.direct.rps).toFixed(2)}`);
  console.log(`bff / direct:        ${(results.bff.rps / results.direct.rps).toFixed(2)}`);
  console.log(`bff / bare proxy:    ${ratio.toFixed(2)}   (per round: ${perRound})`);
  console.log(`\nfixed ${FIXED_RATE} req/s for ${FIXED_SECONDS} s (latency from the scheduled start):`);
  for (const [name, r] of Object.entries(fixed)) console.log(`${name.padEnd(11)} p50 ${ms(r.p50).padEnd(10)} p99 ${ms(r.p99).padEnd(10)} errors ${r.errors}`);
  const added = fixed.bff.p50 - fixed.direct.p50;
  console.log(`added p50, bff over direct: ${ms(added)}`);
  console.log(`added p50, bff over bare proxy: ${ms(fixed.bff.p50 - fixed['bare proxy'].p50)}`);
  console.log(`\nbff.session writes during the BFF's read-only runs: ${writes} (pg_stat), rows rewritten: ${rewritten} (xmin)`);
  console.log('\ntargets (issue 5):');
  console.log(`  throughput  bff / bare proxy = ${ratio.toFixed(2)}   target ≥ ${TARGET_RATIO.toFixed(2)}   ${verdict(ratio >= TARGET_RATIO)}`);
  console.log(`  latency     added p50 at ${FIXED_RATE} req/s = ${ms(added)}   target ≤ ${TARGET_ADDED_P50_MS} ms   ${verdict(added <= TARGET_ADDED_P50_MS)}`);
  console.log(`  writes      bff.session writes = ${writes}, rows rewritten = ${rewritten}   target 0   ${verdict(writes === 0 && rewritten === 0)}`);
} finally {
  bare?.stop();
  await db.end().catch(() => {});
  await portal?.stop();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  await admin.end();
  rmSync(dataDir, { recursive: true, force: true });
}
