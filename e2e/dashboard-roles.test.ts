// Who sees which results: reporting staff open a lab of their faculty read-only (the API's figures, no inventory
// links), a member gets the role page, and a lab outside the reporter's faculty is not found (API 404 too).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { apiResults, dashboardUrl, expectedHeadline, revealCharts } from './support/dashboard.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function as(login: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, portalUrl, login);
  return { context, page };
}

describe('dashboard roles', () => {
  it('when the reporter opens a lab of their faculty, then its figures read-only, equal to the API’s, without inventory links', async () => {
    const { context, page } = await as('reporter');
    const { status, results } = await apiResults(context, portalUrl);
    expect(status).toBe(200);
    await page.goto(dashboardUrl(portalUrl));
    await page.getByTestId('headline').waitFor();
    await expect(page.getByTestId('headline-total').innerText()).resolves.toBe(expectedHeadline(results!).total);
    await expect(page.getByTestId('dashboard-basis').innerText()).resolves.toContain('Read-only');
    await expect(page.getByTestId('module-list').locator('a').count()).resolves.toBe(0);
    await revealCharts(page);
    await page.getByTestId('chart-module-canvas').locator('svg path:not([fill="none"])').first().waitFor({ timeout: 20_000 });
    // Aggregates only: the module data behind them stays closed to the reporter.
    expect((await context.request.get(`${portalUrl}/api/v1/units/LAB-CARBON/years/2025`)).status()).toBe(403);
    await context.close();
  });

  it('when the reporter asks for a lab outside their faculty, then the API says 404 and the portal says the unit is not available', async () => {
    const { context, page } = await as('reporter');
    expect((await apiResults(context, portalUrl, { unit: 'LAB-CATAL' })).status).toBe(404);
    await page.goto(dashboardUrl(portalUrl, 'LAB-CATAL'));
    await expect(page.getByTestId('context-unavailable').getAttribute('data-reason')).resolves.toBe('unit-unavailable');
    await expect(page.getByTestId('headline').count()).resolves.toBe(0);
    await context.close();
  });

  it('when an administrator opens any lab, then its figures read-only', async () => {
    const { context, page } = await as('admin');
    const { results } = await apiResults(context, portalUrl, { unit: 'LAB-CATAL' });
    await page.goto(dashboardUrl(portalUrl, 'LAB-CATAL'));
    await page.getByTestId('dashboard-page').waitFor();
    await page.getByTestId('dashboard-basis').waitFor();
    if (results!.modules.length > 0) await expect(page.getByTestId('headline-total').innerText()).resolves.toBe(expectedHeadline(results!).total);
    else await page.getByTestId('results-empty').waitFor();
    await expect(page.getByTestId('dashboard-basis').innerText()).resolves.toContain('Read-only');
    await context.close();
  });

  it('when a member opens the dashboard, then the page says results are for the unit’s principal, and the API refuses them', async () => {
    const { context, page } = await as('member');
    expect((await apiResults(context, portalUrl)).status).toBe(403);
    await page.goto(dashboardUrl(portalUrl));
    await page.getByTestId('role-page').waitFor();
    await expect(page.getByTestId('role-page').innerText()).resolves.toContain('Results are for the unit’s principal');
    await context.close();
  });
});
