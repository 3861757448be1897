#!/usr/bin/env node
// Benchmark (not a test): what the browser downloads, cold cache, for the first screen (`/`, signed out) and
// for each area signed in (`/inventory`, `/travel`, `/dashboard` as `principal`, `/backoffice` as `admin`).
// Each route gets a new browser context (empty HTTP cache). Bytes are counted as they go over the wire:
// CDP `Network.loadingFinished.encodedDataLength` (compressed body + response headers, what DevTools calls
// "transferred"); next to it the computed gzip figure (each JS/CSS body gzipped at level 6) and the raw size.
// A request still open when the page has settled (no request started or finished for a second) counts with
// the bytes it had received.
// Targets: first screen ≤ 120 KB JS+CSS and ≤ 20 requests; each area ≤ 350 KB JS+CSS including the shell
// (dashboard ≤ 450 KB); the contracts (the chunk holding zod) downloaded at most once per page load.
// Uses DATABASE_URL when set, otherwise embedded PostgreSQL. Run: npm run bench:first-screen
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildWeb } from '../../deploy/local/web-build.mjs';
import { ROOT, startPortal } from '../../deploy/local/portal.mjs';

const KB = 1024;
const EPFL_LOGIN_PAGE = 707 * KB; // the reference EPFL SPA's login page, served gzip
const ROUTES = [
  { path: '/', label: '`/` signed out', login: null, ready: '[data-testid="sign-in"]', target: { bytes: 120 * KB, requests: 20 } },
  { path: '/inventory', label: '`/inventory` as principal', login: 'principal', target: { bytes: 350 * KB } },
  { path: '/travel', label: '`/travel` as principal', login: 'principal', target: { bytes: 350 * KB } },
  { path: '/dashboard', label: '`/dashboard` as principal', login: 'principal', target: { bytes: 450 * KB } },
  { path: '/backoffice', label: '`/backoffice` as admin', login: 'admin', target: { bytes: 350 * KB } },
];
/** An area's main content, whatever the area (the pages' test ids end with `-page`). */
const AREA_READY = '[data-testid$="-page"]';
/** A body holding zod's core is the contracts' copy (the only package that brings zod to the browser). */
const CONTRACTS_MARK = /["'`]\$ZodObject["'`]/;
const QUIET_MS = 1_000;
/** BENCH_VERBOSE=1 lists every request instead of the top 8. */
const VERBOSE = process.env.BENCH_VERBOSE === '1';
const MAX_WAIT_MS = 15_000;

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const isAsset = (r) => r.type === 'Script' || r.type === 'Stylesheet';
const sum = (rows, key) => rows.reduce((s, r) => s + (r[key] ?? 0), 0);

/** Records every request of the page through CDP: type, status, Content-Encoding, bytes on the wire, body. */
async function recordNetwork(context, page) {
  const cdp = await context.newCDPSession(page);
  const rows = [];
  const byId = new Map();
  const pending = [];
  let lastActivity = Date.now();
  const touch = () => void (lastActivity = Date.now());
  cdp.on('Network.requestWillBeSent', (e) => {
    touch();
    const previous = byId.get(e.requestId);
    if (previous && e.redirectResponse) {
      previous.status = e.redirectResponse.status;
      previous.wire = e.redirectResponse.encodedDataLength;
      previous.done = true;
    }
    const row = { url: e.request.url, type: e.type ?? 'Other', status: 0, encoding: 'identity', wire: 0, raw: 0, gzip: 0, contracts: false, done: false };
    byId.set(e.requestId, row);
    rows.push(row);
  });
  cdp.on('Network.responseReceived', (e) => {
    touch();
    const row = byId.get(e.requestId);
    if (!row) return;
    row.status = e.response.status;
    row.type = e.type ?? row.type;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    row.encoding = headers['content-encoding'] || 'identity';
    row.wire = e.response.encodedDataLength; // the headers so far; dataReceived adds, loadingFinished settles
  });
  cdp.on('Network.dataReceived', (e) => {
    const row = byId.get(e.requestId);
    if (row && !row.done) row.wire += e.encodedDataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    touch();
    const row = byId.get(e.requestId);
    if (!row) return;
    row.wire = e.encodedDataLength;
    row.done = true;
    if (!isAsset(row)) return;
    pending.push(
      cdp.send('Network.getResponseBody', { requestId: e.requestId }).then(
        ({ body, base64Encoded }) => {
          const buffer = Buffer.from(body, base64Encoded ? 'base64' : 'utf8');
          row.raw = buffer.length;
          row.gzip = gzipSync(buffer, { level: 6 }).length;
          row.contracts = row.type === 'Script' && CONTRACTS_MARK.test(buffer.toString('utf8'));
        },
        () => {},
      ),
    );
  });
  cdp.on('Network.loadingFailed', (e) => {
    touch();
    const row = byId.get(e.requestId);
    if (row) row.done = true;
  });
  await cdp.send('Network.enable');
  return {
    rows,
    /** Resolves once nothing started or finished for QUIET_MS (a request left open does not block it). */
    async settled() {
      const start = Date.now();
      while (Date.now() - lastActivity < QUIET_MS && Date.now() - start < MAX_WAIT_MS) await new Promise((r) => setTimeout(r, 100));
      await Promise.all(pending);
    },
  };
}

async function signInState(browser, url, login) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url + '/');
  await page.getByTestId('sign-in').click();
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(login);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.origin === new URL(url).origin);
  await page.getByTestId('user-menu').waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
}

async function measure(browser, portalUrl, route, storageState) {
  const context = await browser.newContext(storageState ? { storageState } : {});
  try {
    const page = await context.newPage();
    const network = await recordNetwork(context, page);
    await page.goto(portalUrl + route.path, { waitUntil: 'load' });
    await page.locator(route.ready ?? AREA_READY).first().waitFor({ state: 'visible', timeout: 30_000 });
    await network.settled(); // late requests (lazy chunks, data) still count
    return network.rows;
  } finally {
    await context.close();
  }
}

function report(route, rows) {
  const assets = rows.filter(isAsset);
  const figures = {
    requests: rows.length,
    assetWire: sum(assets, 'wire'),
    assetGzip: sum(assets, 'gzip'),
    assetRaw: sum(assets, 'raw'),
    totalWire: sum(rows, 'wire'),
    contracts: rows.filter((r) => r.contracts).length,
  };
  const encodings = {};
  for (const r of assets) encodings[r.encoding] = (encodings[r.encoding] ?? 0) + 1;
  const other = rows.filter((r) => !isAsset(r));
  console.log(`\n${route.label} (cold cache)`);
  console.log(`  requests: ${figures.requests} (JS+CSS ${assets.length}, fonts ${rows.filter((r) => r.type === 'Font').length}, other ${other.length - rows.filter((r) => r.type === 'Font').length})`);
  console.log(`  JS+CSS over the wire: ${kb(figures.assetWire)} (${Object.entries(encodings).map(([k, v]) => `${k} ${v}`).join(', ')}); computed gzip ${kb(figures.assetGzip)}; raw ${kb(figures.assetRaw)}`);
  console.log(`  total over the wire:  ${kb(figures.totalWire)}`);
  console.log(`  contracts chunk (zod): ${figures.contracts} request(s)${figures.contracts ? ', ' + kb(sum(rows.filter((r) => r.contracts), 'wire')) + ' over the wire' : ''}`);
  console.log('  top files (over the wire · encoding · raw):');
  for (const r of [...rows].sort((a, b) => b.wire - a.wire).slice(0, VERBOSE ? rows.length : 8)) {
    const raw = isAsset(r) ? kb(r.raw) : '';
    const notes = [r.contracts ? '[contracts]' : '', r.done ? '' : '[still open when measured]'].filter(Boolean).join(' ');
    console.log(`    ${kb(r.wire).padStart(9)}  ${r.encoding.padEnd(8)} ${raw.padStart(9)}  ${new URL(r.url).pathname}${notes ? '  ' + notes : ''}`);
  }
  return figures;
}

const ratio = (value, target) => `${(value / target).toFixed(2)} × target`;

await buildWeb(ROOT);
const dataDir = mkdtempSync(path.join(tmpdir(), 'co2-bench-'));
const portal = await startPortal({ port: 0, databaseUrl: process.env.DATABASE_URL, dataDir, quiet: true, log: () => {}, pgPort: 54400 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const states = new Map();
  const results = [];
  for (const route of ROUTES) {
    if (route.login && !states.has(route.login)) states.set(route.login, await signInState(browser, portal.url, route.login));
    const rows = await measure(browser, portal.url, route, route.login ? states.get(route.login) : null);
    results.push({ route, figures: report(route, rows) });
  }

  console.log('\nTargets (over the wire, cold cache, JS+CSS including the shell)');
  for (const { route, figures } of results) {
    const parts = [`${route.path.padEnd(12)} ${kb(figures.assetWire).padStart(9)} ≤ ${kb(route.target.bytes)}: ${ratio(figures.assetWire, route.target.bytes)}`];
    parts.push(route.target.requests ? `${figures.requests} requests ≤ ${route.target.requests}: ${ratio(figures.requests, route.target.requests)}` : `${figures.requests} requests`);
    parts.push(`contracts ${figures.contracts} ≤ 1: ${figures.contracts <= 1 ? 'ok' : 'FAIL'}`);
    console.log(`  ${parts.join(' · ')}`);
  }
  const first = results[0].figures;
  console.log(`\nEPFL comparison: first screen ${kb(first.assetWire)} JS+CSS over the wire / 707 KB = ${(first.assetWire / EPFL_LOGIN_PAGE).toFixed(2)}`);
} finally {
  await browser.close();
  await portal.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
