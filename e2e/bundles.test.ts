// What the browser downloads, in a real Chromium against the real portal (BFF serving the real builds): every
// script and stylesheet as its precompressed copy, nothing of the signed-in portal on the signed-out first
// screen, and the contracts once per page load. Sizes are measured by `npm run bench:first-screen`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DISTS = ['shell', 'mf-inventory', 'mf-travel', 'mf-dashboard', 'mf-backoffice'].map((dir) => path.join(ROOT, dir, 'dist'));
/** Markers of what only signed-in pages need: zod (the contracts), the federation runtime, single-spa. */
const SIGNED_IN_ONLY = { contracts: '$ZodObject', federation: '__FEDERATION__', singleSpa: 'single-spa:routing-event' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Download {
  url: string;
  type: string;
  encoding: string | undefined;
  body: string;
}

/** Every script and stylesheet the page receives, with its Content-Encoding and (decoded) body. */
function recordAssets(page: Page): Download[] {
  const downloads: Download[] = [];
  page.on('response', async (res) => {
    const type = res.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    const download: Download = { url: res.url(), type, encoding: (await res.allHeaders())['content-encoding'], body: '' };
    downloads.push(download);
    download.body = (await res.body().catch(() => Buffer.alloc(0))).toString('utf8');
  });
  return downloads;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

describe('bundles over the wire', () => {
  it('when the web is built, then every brotli and gzip copy decompresses to its original and every sizeable JS/CSS file has both', () => {
    for (const dist of DISTS) {
      const all = new Set(files(dist));
      const copies = [...all].filter((file) => file.endsWith('.br') || file.endsWith('.gz'));
      expect(copies.length, dist).toBeGreaterThan(0);
      for (const copy of copies) {
        const decompress = copy.endsWith('.br') ? brotliDecompressSync : gunzipSync;
        expect(decompress(readFileSync(copy)).equals(readFileSync(copy.slice(0, -3))), copy).toBe(true);
      }
      for (const file of all) {
        if (!/\.(js|css)$/.test(file) || readFileSync(file).length < 1024) continue;
        expect(all.has(`${file}.br`) && all.has(`${file}.gz`), file).toBe(true);
      }
    }
  });

  it('when a visitor opens / signed out with a cold cache, then scripts and styles come brotli-compressed and nothing only signed-in pages use is downloaded', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const downloads = recordAssets(page);
      await page.goto(portalUrl + '/');
      await page.getByTestId('sign-in').waitFor({ timeout: 15_000 });
      await page.waitForTimeout(1_000); // late lazy chunks would count
      expect(downloads.length).toBeGreaterThan(0);
      for (const d of downloads) expect(d.encoding, d.url).toBe('br');
      for (const [what, marker] of Object.entries(SIGNED_IN_ONLY)) {
        expect(downloads.filter((d) => d.body.includes(marker)).map((d) => d.url), what).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });

  it('when a signed-in principal opens an area with a cold cache, then the contracts are downloaded once, shared by the shell and the remote', async () => {
    const signedIn = await browser.newContext();
    await signIn(await signedIn.newPage(), portalUrl, 'principal');
    const session = await signedIn.storageState();
    await signedIn.close();
    for (const area of ['inventory', 'travel', 'dashboard']) {
      const cold = await browser.newContext({ storageState: session });
      try {
        const areaPage = await cold.newPage();
        const downloads = recordAssets(areaPage);
        await areaPage.goto(`${portalUrl}/${area}`);
        await areaPage.locator('[data-testid$="-page"]').first().waitFor({ timeout: 20_000 });
        await areaPage.waitForTimeout(500);
        expect(downloads.some((d) => d.url.includes(`/remotes/${area}/`)), area).toBe(true);
        expect(downloads.filter((d) => d.body.includes(SIGNED_IN_ONLY.contracts)).map((d) => d.url), area).toHaveLength(1);
      } finally {
        await cold.close();
      }
    }
  });
});
