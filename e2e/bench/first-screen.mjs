#!/usr/bin/env node
// Benchmark (not a test): what the browser downloads for the first screen (`/`, signed out) and for
// `/travel` signed in as `principal`. Prints gzip bytes of JS+CSS (each body gzipped at level 6, as a
// server would send it) and request counts. Target: first screen ≤ 175 KB gzip, ≤ 20 requests.
// Uses DATABASE_URL when set, otherwise embedded PostgreSQL. Run: npm run bench:first-screen
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildWeb } from '../../deploy/local/web-build.mjs';
import { ROOT, startPortal } from '../../deploy/local/portal.mjs';

const KB = 1024;
const TARGET = { bytes: 175 * KB, requests: 20 };

function collector(page) {
  const rows = [];
  page.on('response', async (res) => {
    const type = res.request().resourceType();
    let body = Buffer.alloc(0);
    try {
      body = await res.body();
    } catch {
      /* redirects have no body */
    }
    rows.push({ url: res.url(), type, status: res.status(), raw: body.length, gzip: body.length ? gzipSync(body, { level: 6 }).length : 0 });
  });
  return rows;
}

function summary(label, rows) {
  const assets = rows.filter((r) => r.type === 'script' || r.type === 'stylesheet');
  const gz = assets.reduce((s, r) => s + r.gzip, 0);
  const raw = assets.reduce((s, r) => s + r.raw, 0);
  console.log(`\n${label}`);
  console.log(`  requests: ${rows.length} (JS+CSS: ${assets.length}, fonts: ${rows.filter((r) => r.type === 'font').length})`);
  console.log(`  JS+CSS: ${(gz / KB).toFixed(1)} KB gzip (${(raw / KB).toFixed(1)} KB raw)`);
  for (const r of assets.sort((a, b) => b.gzip - a.gzip).slice(0, 8)) console.log(`    ${(r.gzip / KB).toFixed(1).padStart(7)} KB  ${new URL(r.url).pathname}`);
  return { gz, requests: rows.length };
}

await buildWeb(ROOT);
const dataDir = mkdtempSync(path.join(tmpdir(), 'co2-bench-'));
const portal = await startPortal({ port: 0, databaseUrl: process.env.DATABASE_URL, dataDir, quiet: true, log: () => {}, pgPort: 54400 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  let rows = collector(page);
  await page.goto(portal.url + '/', { waitUntil: 'load' });
  await page.getByTestId('sign-in').waitFor();
  await page.waitForTimeout(1500); // late requests (lazy chunks) still count
  const first = summary('First screen `/` (signed out, cold cache)', rows);

  await page.getByTestId('sign-in').click();
  await page.getByLabel(/login|user/i).fill('principal');
  await page.getByLabel(/password/i).fill('principal');
  await page.getByRole('button', { name: /sign in|log in|continue/i }).click();
  await page.waitForURL(`${portal.url}/**`);
  const cold = await browser.newContext({ storageState: await context.storageState() });
  const travel = await cold.newPage();
  rows = collector(travel);
  await travel.goto(portal.url + '/travel', { waitUntil: 'load' });
  await travel.getByTestId('travel-data').waitFor();
  await travel.waitForTimeout(1500);
  const t = summary('`/travel` signed in (cold cache)', rows);

  console.log('\nTargets (first screen): ≤ 175 KB gzip JS+CSS, ≤ 20 requests');
  console.log(`  first screen: ${(first.gz / KB).toFixed(1)} KB = ${(first.gz / TARGET.bytes).toFixed(2)} × target, ${first.requests} requests = ${(first.requests / TARGET.requests).toFixed(2)} × target`);
  console.log(`  /travel:      ${(t.gz / KB).toFixed(1)} KB, ${t.requests} requests`);
} finally {
  await browser.close();
  await portal.stop();
}
