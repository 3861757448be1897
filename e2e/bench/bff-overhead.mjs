#!/usr/bin/env node
// Benchmark (not a test): the cost of the BFF on an authenticated read. In one run on this machine, the same
// GET /api/v1/units three ways: directly to core-api with a valid token; through a bare http-proxy-middleware
// pass-through (bare-proxy.mjs: the cost of an extra hop); through our BFF with a session cookie. Prints
// requests/s, p50, p99 (closed loop), the ratios, p50/p99 at a fixed 300 requests/s, and the writes to
// bff.session during the BFF's read-only runs.
// Targets: BFF ≥ 0.8 × bare pass-through throughput; added p50 at 300 req/s ≤ 5 ms over direct; 0 writes.
// Run: npx tsx e2e/bench/bff-overhead.mjs   (DATABASE_URL: an admin URL of a PostgreSQL, default the local
// postgres://postgres@127.0.0.1:5432/test; a scratch database is created and dropped). Loopback only.
// Env: BENCH_SECONDS (closed-loop duration, default 8), BENCH_CONNECTIONS (default 32).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
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
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
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
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, p50: pct(latencies, 50), p99: pct(latencies, 99), errors, n: latencies.length };
}

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

  const results = {};
  for (const [name, origin, headers] of [
    ['direct', portal.coreUrl, bearer],
    ['bare proxy', bare.url, bearer],
  ]) {
    await closedLoop(origin, headers, 2); // warm-up
    results[name] = await closedLoop(origin, headers, SECONDS);
  }
  // The BFF: signed in just before its runs (a session is touched at most once a minute).
  const cookie = await signInThroughBff(portal.url, 'principal');
  const cookieHeaders = { cookie };
  await check(portal.url, cookieHeaders);
  await closedLoop(portal.url, cookieHeaders, 2);
  const writesBefore = await sessionWrites(db);
  const versionsBefore = await rowVersions(db);
  results.bff = await closedLoop(portal.url, cookieHeaders, SECONDS);

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

  console.log(`\nGET ${PATH}, ${CONNECTIONS} connections, ${SECONDS} s closed loop per mode (undici, loopback, 2 cores shared with the servers)\n`);
  console.log('mode        req/s     p50        p99        errors');
  for (const [name, r] of Object.entries(results)) console.log(`${name.padEnd(11)} ${r.rps.toFixed(0).padStart(6)}   ${ms(r.p50).padEnd(10)} ${ms(r.p99).padEnd(10)} ${r.errors}`);
  const ratio = results.bff.rps / results['bare proxy'].rps;
  console.log(`\nbare proxy / direct: ${(results['bare proxy'].rps / results.direct.rps).toFixed(2)}`);
  console.log(`bff / direct:        ${(results.bff.rps / results.direct.rps).toFixed(2)}`);
  console.log(`bff / bare proxy:    ${ratio.toFixed(2)}   (target ≥ 0.80: ${ratio >= 0.8 ? 'met' : 'NOT met'})`);
  console.log(`\nfixed ${FIXED_RATE} req/s for ${FIXED_SECONDS} s (latency from the scheduled start):`);
  for (const [name, r] of Object.entries(fixed)) console.log(`${name.padEnd(11)} p50 ${ms(r.p50).padEnd(10)} p99 ${ms(r.p99).padEnd(10)} errors ${r.errors}`);
  const added = fixed.bff.p50 - fixed.direct.p50;
  console.log(`added p50, bff over direct: ${ms(added)}   (target ≤ 5 ms: ${added <= 5 ? 'met' : 'NOT met'})`);
  console.log(`added p50, bff over bare proxy: ${ms(fixed.bff.p50 - fixed['bare proxy'].p50)}`);
  console.log(`\nbff.session writes during the BFF's read-only runs: ${writes} (pg_stat), rows rewritten: ${rewritten} (xmin)   (target 0)`);
} finally {
  bare?.stop();
  await db.end().catch(() => {});
  await portal?.stop();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  await admin.end();
  rmSync(dataDir, { recursive: true, force: true });
}
