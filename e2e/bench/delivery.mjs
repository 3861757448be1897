#!/usr/bin/env node
// Figures of independent delivery (issue 15; a script, not a test). Starts the real portal, then:
//   1. times `npm run ci -w @co2/mf-travel` (typecheck, tests, build, publish) and, inside it, the publish, then the
//      administrator's promote until /portal/remotes.json serves the new version (no shell build, no restart);
//   2. counts what a signed-in member's browser downloads on a reload (warm HTTP cache, CDP `encodedDataLength`
//      of responses not served from cache) before and after the change, grouped by shell / each remote / API.
// Run: DATABASE_URL=postgres://… npx tsx e2e/bench/delivery.mjs   (rebuilds mf-travel/dist as version 0.1.1-bench)
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { createTestDatabase } from '@co2/deploy/testing';
import { buildWeb } from '../../deploy/local/web-build.mjs';
import { ROOT, startPortal } from '../../deploy/local/portal.mjs';

const run = promisify(execFile);
const VERSION = process.env.BENCH_VERSION ?? `0.1.1-bench.${Date.now().toString(36)}`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function signIn(page, url, login) {
  await page.goto(`${url}/`);
  await page.getByTestId('sign-in').click();
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(login);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.origin === new URL(url).origin);
  await page.getByTestId('user-menu').waitFor();
}

/** Bytes over the wire of responses not served from the HTTP cache, during one reload of the page. */
async function reloadBytes(context, page, url) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const rows = new Map();
  cdp.on('Network.responseReceived', (e) => rows.set(e.requestId, { url: e.response.url, cached: e.response.fromDiskCache || e.response.fromMemoryCache, status: e.response.status, bytes: 0 }));
  cdp.on('Network.requestServedFromCache', (e) => rows.set(e.requestId, { ...(rows.get(e.requestId) ?? { url: '?' }), cached: true, bytes: 0 }));
  cdp.on('Network.loadingFinished', (e) => {
    const row = rows.get(e.requestId);
    if (row && !row.cached) row.bytes = e.encodedDataLength;
  });
  await page.goto(`${url}/travel?unit=LAB-CARBON&year=2025`);
  await page.getByTestId('travel-page').waitFor();
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  const groups = {};
  for (const row of rows.values()) {
    const p = new URL(row.url, url).pathname;
    const m = /^\/remotes\/(?:mf_)?([a-z]+)\//.exec(p);
    const group = m ? `remote ${m[1]}` : p.startsWith('/api/') ? 'api' : 'shell + registry';
    groups[group] = (groups[group] ?? 0) + (row.cached ? 0 : row.bytes);
  }
  return groups;
}

const db = await createTestDatabase('bench_delivery');
await buildWeb(ROOT);
const portal = await startPortal({ port: 0, databaseUrl: db.url, dataDir: mkdtempSync(path.join(tmpdir(), 'co2-bench-delivery-')), quiet: true, log: () => {} });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const url = portal.url;
  const secret = `co2pub_${randomBytes(24).toString('base64url')}`;
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query(`INSERT INTO bff.publish_token (remote, label, token_hash, created_by) VALUES ('mf_travel', 'bench', $1, 'bench')`, [createHash('sha256').update(secret).digest('hex')]);
  await client.end();

  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, url, 'admin');
  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await signIn(memberPage, url, 'member');
  await reloadBytes(member, memberPage, url); // warms the cache
  const unchanged = await reloadBytes(member, memberPage, url);

  const started = Date.now();
  const { stdout } = await run('npm', ['run', 'ci', '-w', '@co2/mf-travel'], {
    cwd: ROOT,
    env: { ...process.env, CO2_REMOTE_VERSION: VERSION, CO2_PORTAL_URL: url, CO2_PUBLISH_TOKEN: secret },
    maxBuffer: 64 * 1024 * 1024,
  });
  const published = Date.now();
  const publishMs = Number(/published \(\d+ files, (\d+) ms\)/.exec(stdout)?.[1] ?? NaN);
  const promote = await adminPage.request.post(`${url}/bff/admin/remotes/mf_travel/promote`, { headers: { 'x-csrf': '1' }, data: { version: VERSION } });
  if (!promote.ok()) throw new Error(`promote answered ${promote.status()}`);
  let served = 0;
  for (let i = 0; i < 100 && !served; i += 1) {
    const registry = await (await memberPage.request.get(`${url}/portal/remotes.json`)).json();
    if (registry.remotes.find((r) => r.name === 'mf_travel')?.version === VERSION) served = Date.now();
    else await new Promise((r) => setTimeout(r, 100));
  }
  const changed = await reloadBytes(member, memberPage, url);

  console.log(`\nIndependent delivery of mf-travel ${VERSION} (portal running, no shell build, no restart)\n`);
  console.log(`| step | time |\n|---|---|`);
  console.log(`| npm run ci (typecheck, tests, build, publish) | ${((published - started) / 1000).toFixed(1)} s |`);
  console.log(`| of which the publish request | ${(publishMs / 1000).toFixed(2)} s |`);
  console.log(`| publish done → promoted and served by /portal/remotes.json | ${((served - published) / 1000).toFixed(2)} s |`);
  console.log(`| start of npm run ci → new version served | ${((served - started) / 1000).toFixed(1)} s (target < 120 s) |\n`);
  console.log(`| what a member's reload downloads (warm cache) | unchanged portal | after travel changed |\n|---|---|---|`);
  for (const group of [...new Set([...Object.keys(unchanged), ...Object.keys(changed)])].sort()) {
    console.log(`| ${group} | ${kb(unchanged[group] ?? 0)} | ${kb(changed[group] ?? 0)} |`);
  }
} finally {
  await browser.close();
  await portal.stop();
  await db.drop();
}
