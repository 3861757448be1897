// The portal in a real Chromium: real sign-in at the development provider, the four remotes loaded through
// the runtime registry, each rendering data that travelled browser → BFF → core-api → PostgreSQL.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');
const AREAS = ['inventory', 'travel', 'dashboard', 'backoffice'] as const;
/** What each area shows of the data it read from core-api (the dashboard names the unit and year it reports on). */
const DATA_TEST_ID: Record<(typeof AREAS)[number], string> = {
  inventory: 'inventory-data',
  travel: 'travel-data',
  dashboard: 'dashboard-scope',
  backoffice: 'backoffice-data',
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function visitArea(page: Page, area: (typeof AREAS)[number]) {
  const apiCall = page.waitForResponse((r) => r.url().startsWith(`${portalUrl}/api/v1/`) && r.status() === 200);
  await page.goto(`${portalUrl}/${area}`);
  await apiCall;
  const data = page.getByTestId(DATA_TEST_ID[area]);
  await data.waitFor({ timeout: 20_000 });
  return (await data.innerText()).trim();
}

describe('portal in Chromium', () => {
  let context: BrowserContext;
  afterAll(async () => context?.close());

  it('when a visitor is signed out, then the landing page offers sign-in and /bff/user answers 401', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(portalUrl + '/');
    await page.getByTestId('sign-in').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('user-menu').count()).resolves.toBe(0);
    const res = await context.request.get(`${portalUrl}/bff/user`);
    expect(res.status()).toBe(401);
  });

  it('when principal signs in, then all four areas render data from core-api, a reload keeps the session, and sign-out ends it', async () => {
    const page = await context.newPage();
    await signIn(page, portalUrl, 'principal');

    const seen: Record<string, string> = {};
    for (const area of AREAS.filter((a) => a !== 'backoffice')) seen[area] = await visitArea(page, area);
    // Data that only core-api knows: the demo lab from the seeded unit hierarchy and the user's name from /me.
    expect(seen.inventory).toContain('LAB-CARBON');
    expect(seen.travel).toMatch(/Paula Principal|LAB-CARBON/);
    expect(seen.dashboard).toMatch(/LAB-CARBON|Paula Principal/);

    // The backoffice is not offered to a principal, and typed, it is the role page (the API enforces access regardless).
    await expect(page.getByTestId('nav-backoffice').count()).resolves.toBe(0);
    await page.goto(`${portalUrl}/backoffice`);
    await page.getByTestId('role-page').waitFor();

    await page.reload();
    await page.getByTestId('user-menu').waitFor();
    const me = await context.request.get(`${portalUrl}/bff/user`);
    expect(me.status()).toBe(200);
    expect((await me.json()).roles).toContain('user.principal@unit:LAB-CARBON');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await expect
      .poll(async () => (await context.request.get(`${portalUrl}/bff/user`)).status(), { timeout: 15_000 })
      .toBe(401);
  });

  it('when an admin signs in, then the backoffice entry is offered', async () => {
    const admin = await browser.newContext();
    const page = await admin.newPage();
    await signIn(page, portalUrl, 'admin');
    await page.getByTestId('nav-backoffice').waitFor();
    const units = await visitArea(page, 'backoffice');
    expect(units).toContain('UNIV');
    await admin.close();
  });
});

describe('a remote whose entry is unreachable', () => {
  it('shows the "module unavailable" notice in its area while the principal’s other areas keep working', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await context.route('**/remotes/travel/remoteEntry.js*', (route) => route.abort('connectionrefused'));
    await signIn(page, portalUrl, 'principal');

    await page.goto(`${portalUrl}/travel`);
    await page.getByTestId('module-unavailable').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('travel-data').count()).resolves.toBe(0);

    for (const area of ['inventory', 'dashboard'] as const) {
      await expect(visitArea(page, area)).resolves.toMatch(/\S/);
    }
    // Navigation and the user menu still work after the failure.
    await expect(page.getByTestId('user-menu').isVisible()).resolves.toBe(true);
    await context.close();
  });
});
