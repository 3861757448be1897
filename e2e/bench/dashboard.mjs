#!/usr/bin/env node
// Benchmark (not a test): the dashboard `/dashboard?unit=LAB-CARBON&year=2025` as the demo `principal`, cold and warm
// HTTP cache, in Chromium (1280×720).
//   bytes   what goes over the wire (CDP `Network.loadingFinished.encodedDataLength`, as first-screen.mjs counts
//           it; responses served from the HTTP cache count 0): JS+CSS and everything, and the request count —
//           for the first screen (nobody scrolls) and once the reader has scrolled through every chart;
//   time    from navigation start (the document's `performance.now()` origin) to the headline figures shown and to
//           the first chart drawn (`[data-testid$="-canvas"] svg path`: ECharts' SVG renderer has painted a
//           series). The charts load when they come near the screen, so this pass scrolls them into view the
//           moment their place exists (a reader scrolling at once: the machine's time, not a person's).
// Baseline measured in the same run: the signed-in landing `/` (its `home` section shown), cold and warm.
// Targets (issue 13): ≤ 450 KB JS+CSS over the wire including the shell; first chart ≤ 1.0 s warm.
// Uses a scratch database on TEST_DATABASE_URL (or DATABASE_URL) when set, otherwise embedded PostgreSQL.
// Run: npm run bench:dashboard   (BENCH_RUNS=n warm runs, default 5)
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildWeb } from '../../deploy/local/web-build.mjs';
import { ROOT, startPortal } from '../../deploy/local/portal.mjs';

const KB = 1024;
const TARGET_BYTES = 450 * KB;
const TARGET_FIRST_CHART_MS = 1_000;
const DASHBOARD = '/dashboard?unit=LAB-CARBON&year=2025';
const LANDING = '/';
const WARM_RUNS = Number(process.env.BENCH_RUNS ?? 5);
const COLD_RUNS = 3;
const QUIET_MS = 1_000;
const MAX_WAIT_MS = 20_000;
const SELECTORS = {
  landing: '[data-testid="home"]',
  headline: '[data-testid="headline"]',
  anchor: '[data-testid="dashboard-charts-anchor"]',
  canvas: '[data-testid$="-canvas"]',
  chart: '[data-testid$="-canvas"] svg path',
};

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const ms = (n) => (Number.isFinite(n) ? `${Math.round(n)} ms` : '—');
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const isAsset = (r) => r.type === 'Script' || r.type === 'Stylesheet';
const sum = (rows, key) => rows.reduce((s, r) => s + (r[key] ?? 0), 0);

/**
 * In every document: marks (ms since navigation start) when the landing, the headline figures, the charts' place
 * and the first drawn chart appear; with `scroll`, scrolls the charts' place into view as soon as it exists.
 */
function markScript({ selectors, scroll }) {
  const marks = {};
  Object.defineProperty(window, '__benchMarks', { value: marks });
  const mark = (key) => {
    if (!(key in marks)) marks[key] = performance.now();
  };
  const check = () => {
    if (document.querySelector(selectors.landing)) mark('landing');
    if (document.querySelector(selectors.headline)) mark('headline');
    const anchor = document.querySelector(selectors.anchor);
    if (anchor && !('anchor' in marks)) {
      mark('anchor');
      if (scroll) anchor.scrollIntoView({ block: 'start' });
    }
    if (document.querySelector(selectors.chart)) {
      mark('chart');
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true });
}

/** Every request of the page through CDP: type, bytes on the wire, whether the HTTP cache served it. */
async function recordNetwork(context, page) {
  const cdp = await context.newCDPSession(page);
  let rows = [];
  const byId = new Map();
  let lastActivity = Date.now();
  const touch = () => void (lastActivity = Date.now());
  cdp.on('Network.requestWillBeSent', (e) => {
    touch();
    const previous = byId.get(e.requestId);
    if (previous && e.redirectResponse) {
      previous.wire = e.redirectResponse.encodedDataLength;
      previous.done = true;
    }
    const row = { url: e.request.url, type: e.type ?? 'Other', wire: 0, cached: false, done: false };
    byId.set(e.requestId, row);
    rows.push(row);
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const row = byId.get(e.requestId);
    if (row) row.cached = true;
  });
  cdp.on('Network.responseReceived', (e) => {
    touch();
    const row = byId.get(e.requestId);
    if (!row) return;
    row.type = e.type ?? row.type;
    row.cached ||= Boolean(e.response.fromDiskCache || e.response.fromMemoryCache || e.response.fromPrefetchCache);
    if (!row.cached) row.wire = e.response.encodedDataLength;
  });
  cdp.on('Network.dataReceived', (e) => {
    const row = byId.get(e.requestId);
    if (row && !row.done && !row.cached) row.wire += e.encodedDataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    touch();
    const row = byId.get(e.requestId);
    if (!row) return;
    row.wire = row.cached ? 0 : e.encodedDataLength;
    row.done = true;
  });
  cdp.on('Network.loadingFailed', (e) => {
    touch();
    const row = byId.get(e.requestId);
    if (row) row.done = true;
  });
  await cdp.send('Network.enable');
  return {
    /** The rows since the last `reset` (a navigation of its own). */
    get rows() {
      return rows;
    },
    reset() {
      rows = [];
      byId.clear();
    },
    /** Resolves once nothing started or finished for QUIET_MS (a request left open does not block it). */
    async settled() {
      const start = Date.now();
      while (Date.now() - lastActivity < QUIET_MS && Date.now() - start < MAX_WAIT_MS) await new Promise((r) => setTimeout(r, 100));
    },
  };
}

const figures = (rows) => {
  const assets = rows.filter(isAsset);
  return {
    requests: rows.length,
    fromNetwork: rows.filter((r) => !r.cached).length,
    assetWire: sum(assets, 'wire'),
    totalWire: sum(rows, 'wire'),
    echarts: rows.some((r) => /DashboardCharts/i.test(r.url)),
  };
};

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

/** Scrolls down a screen at a time to the bottom, as a reader would, so that every lazy chart loads. */
async function scrollThrough(page) {
  for (let i = 0; i < 40; i++) {
    const atBottom = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight * 0.8);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    await page.waitForTimeout(150);
    if (atBottom) break;
  }
}

/** One navigation to `target` in `page` (its context's cache as it is): marks and what went over the wire. */
async function navigate(page, network, url, target, ready) {
  network.reset();
  await page.goto('about:blank');
  network.reset();
  await page.goto(url + target, { waitUntil: 'commit' });
  // (a chart's first path may be a zero-width axis line: attached is enough, the in-page mark is what counts)
  await page.locator(ready).first().waitFor({ state: ready === SELECTORS.chart ? 'attached' : 'visible', timeout: 30_000 });
  return network;
}

const readMarks = (page) => page.evaluate(() => ({ ...window.__benchMarks }));

/** Time pass: charts scrolled into view at once; `runs` navigations (the first one cold when `cold`). */
async function timeDashboard(browser, url, state, runs) {
  const context = await browser.newContext({ storageState: state, viewport: { width: 1280, height: 720 } });
  await context.addInitScript(markScript, { selectors: SELECTORS, scroll: true });
  const page = await context.newPage();
  const network = await recordNetwork(context, page);
  const out = [];
  try {
    for (let i = 0; i < runs; i++) {
      await navigate(page, network, url, DASHBOARD, SELECTORS.chart);
      const marks = await readMarks(page);
      await network.settled();
      out.push({ marks, ...figures(network.rows) });
    }
  } finally {
    await context.close();
  }
  return out;
}

async function timeLanding(browser, url, state, runs) {
  const context = await browser.newContext({ storageState: state, viewport: { width: 1280, height: 720 } });
  await context.addInitScript(markScript, { selectors: SELECTORS, scroll: false });
  const page = await context.newPage();
  const network = await recordNetwork(context, page);
  const out = [];
  try {
    for (let i = 0; i < runs; i++) {
      await navigate(page, network, url, LANDING, SELECTORS.landing);
      const marks = await readMarks(page);
      await network.settled();
      out.push({ marks, ...figures(network.rows) });
    }
  } finally {
    await context.close();
  }
  return out;
}

/** Bytes pass: first screen (no scrolling, settled), then scrolled through every chart (settled); cold, then warm. */
async function bytesDashboard(browser, url, state) {
  const context = await browser.newContext({ storageState: state, viewport: { width: 1280, height: 720 } });
  await context.addInitScript(markScript, { selectors: SELECTORS, scroll: false });
  const page = await context.newPage();
  const network = await recordNetwork(context, page);
  const out = {};
  try {
    for (const cache of ['cold', 'warm']) {
      await navigate(page, network, url, DASHBOARD, SELECTORS.headline);
      await network.settled();
      const first = figures(network.rows);
      await scrollThrough(page);
      await page.locator(SELECTORS.chart).first().waitFor({ state: 'attached', timeout: 30_000 });
      await network.settled();
      await scrollThrough(page); // charts laid out below the first ones
      await network.settled();
      const charts = await page.locator(SELECTORS.canvas).count();
      const drawn = await page.locator(`${SELECTORS.canvas}:has(svg path)`).count();
      out[cache] = { first, all: figures(network.rows), charts, drawn };
    }
  } finally {
    await context.close();
  }
  return out;
}

const startLoad = loadavg()[0];
const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
let scratch = null;
if (serverUrl) {
  process.env.TEST_DATABASE_URL = serverUrl;
  const { createTestDatabase } = await import('@co2/deploy/testing');
  scratch = await createTestDatabase('bench_dashboard');
}
await buildWeb(ROOT);
const dataDir = mkdtempSync(path.join(tmpdir(), 'co2-bench-dashboard-'));
const portal = await startPortal({ port: 0, databaseUrl: scratch?.url, dataDir, quiet: true, log: () => {}, pgPort: 54401 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const state = await signInState(browser, portal.url, 'principal');
  const landing = await timeLanding(browser, portal.url, state, 1 + WARM_RUNS);
  const bytes = await bytesDashboard(browser, portal.url, state);
  const cold = [];
  for (let i = 0; i < COLD_RUNS; i++) cold.push(...(await timeDashboard(browser, portal.url, state, 1)));
  const warm = (await timeDashboard(browser, portal.url, state, 1 + WARM_RUNS)).slice(1);

  const landingCold = landing[0];
  const landingWarm = landing.slice(1);
  const t = {
    landingCold: landingCold.marks.landing,
    landingWarm: median(landingWarm.map((r) => r.marks.landing)),
    headlineCold: median(cold.map((r) => r.marks.headline)),
    headlineWarm: median(warm.map((r) => r.marks.headline)),
    chartCold: median(cold.map((r) => r.marks.chart)),
    chartWarm: median(warm.map((r) => r.marks.chart)),
  };
  const range = (rows, key) => {
    const xs = rows.map((r) => r.marks[key]).filter(Number.isFinite);
    return `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
  };

  console.log(`\n${DASHBOARD} as principal, Chromium 1280×720 (${COLD_RUNS} cold runs, ${WARM_RUNS} warm runs; medians)`);
  console.log(`machine load average (1 min) at start ${startLoad.toFixed(1)}, at end ${loadavg()[0].toFixed(1)}`);
  console.log('\nBytes over the wire (CDP encodedDataLength; HTTP-cache hits count 0)');
  console.log('| page | cache | JS+CSS | total | requests (from network) |\n|---|---|---|---|---|');
  const line = (label, cache, f) => console.log(`| ${label} | ${cache} | ${kb(f.assetWire)} | ${kb(f.totalWire)} | ${f.requests} (${f.fromNetwork}) |`);
  line('landing `/` (baseline)', 'cold', landingCold);
  line('landing `/` (baseline)', 'warm', landingWarm[landingWarm.length - 1]);
  for (const cache of ['cold', 'warm']) {
    line('dashboard, first screen', cache, bytes[cache].first);
    line(`dashboard, all charts (${bytes[cache].drawn}/${bytes[cache].charts} drawn)`, cache, bytes[cache].all);
  }
  console.log('\nTime from navigation start');
  console.log('| page | cold | warm (min–max) |\n|---|---|---|');
  console.log(`| landing \`/\` shown (baseline) | ${ms(t.landingCold)} | ${ms(t.landingWarm)} (${range(landingWarm, 'landing')}) |`);
  console.log(`| dashboard headline figures shown | ${ms(t.headlineCold)} | ${ms(t.headlineWarm)} (${range(warm, 'headline')}) |`);
  console.log(`| dashboard charts' place shown (scrolled into view at once) | ${ms(median(cold.map((r) => r.marks.anchor)))} | ${ms(median(warm.map((r) => r.marks.anchor)))} (${range(warm, 'anchor')}) |`);
  console.log(`| dashboard first chart drawn | ${ms(t.chartCold)} (${range(cold, 'chart')}) | ${ms(t.chartWarm)} (${range(warm, 'chart')}) |`);

  const firstCold = bytes.cold.first;
  const allCold = bytes.cold.all;
  console.log('\nRatios');
  console.log(`  first screen JS+CSS cold ${kb(firstCold.assetWire)} / landing ${kb(landingCold.assetWire)} = ${(firstCold.assetWire / landingCold.assetWire).toFixed(2)}`);
  console.log(`  all charts JS+CSS cold ${kb(allCold.assetWire)} / first screen = ${(allCold.assetWire / firstCold.assetWire).toFixed(2)}`);
  console.log(`  first chart warm ${ms(t.chartWarm)} / landing warm ${ms(t.landingWarm)} = ${(t.chartWarm / t.landingWarm).toFixed(2)}`);
  console.log(`  headline warm ${ms(t.headlineWarm)} / landing warm = ${(t.headlineWarm / t.landingWarm).toFixed(2)}`);
  console.log('\nTargets');
  const verdict = (value, target) => `${(value / target).toFixed(2)} × target${value <= target ? '' : ' — MISSED'}`;
  console.log(`  first screen JS+CSS cold ${kb(firstCold.assetWire)} ≤ ${kb(TARGET_BYTES)}: ${verdict(firstCold.assetWire, TARGET_BYTES)}`);
  console.log(`  all charts JS+CSS cold ${kb(allCold.assetWire)} ≤ ${kb(TARGET_BYTES)}: ${verdict(allCold.assetWire, TARGET_BYTES)}`);
  console.log(`  first chart warm ${ms(t.chartWarm)} ≤ ${ms(TARGET_FIRST_CHART_MS)}: ${verdict(t.chartWarm, TARGET_FIRST_CHART_MS)}`);
} finally {
  await browser.close();
  await portal.stop();
  await scratch?.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
