// A reporter (backoffice.metier of faculty ENV) follows the year on the reporting page: the faculty's labs with
// the API's totals, never a lab of another faculty, filters kept in the address, the exports, and a lab's dashboard.
import { formatTonnes } from '@co2/ui/format';
import { ReportingExport, ReportingPage } from '@co2/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet } from './support/backoffice.js';
import { launchBrowser } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');

let browser: Browser;
let reporter: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  reporter = await browser.newContext({ acceptDownloads: true });
  page = await reporter.newPage();
  await signIn(page, portalUrl, 'reporter');
});
afterAll(async () => {
  await reporter?.close();
  await browser?.close();
});

async function tableRows(): Promise<{ code: string; tonnes: string }[]> {
  await page.getByTestId('reporting-table').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[data-testid="reporting-table"] .q-linear-progress'));
  return page.locator('[data-testid="reporting-table"] tbody tr').evaluateAll((rows) =>
    rows
      .filter((r) => r.querySelector('[data-testid="reporting-unit-link"]'))
      .map((r) => ({ code: r.querySelector('[data-testid="reporting-unit-link"]')!.textContent!.trim(), tonnes: r.querySelectorAll('td')[4]!.textContent!.trim() })),
  );
}

describe('reporting as a reporter', () => {
  it('when the reporter opens the reporting page, then the faculty’s labs are listed with the API’s totals and status counts', async () => {
    await page.goto(`${portalUrl}/backoffice/reporting?year=2025`);
    const api = await apiGet(reporter, portalUrl, '/api/v1/reporting?year=2025&pageSize=100', (v) => ReportingPage.parse(v));
    const rows = await tableRows();
    expect(rows.map((r) => r.code)).toEqual(api.items.map((i) => i.unit.code));
    expect(rows.map((r) => r.code)).not.toContain('LAB-CATAL');
    expect(api.items.every((i) => i.unit.path.includes('ENV'))).toBe(true);
    for (const item of api.items) expect(rows.find((r) => r.code === item.unit.code)?.tonnes).toBe(formatTonnes(item.validatedTonnesCo2eq, 'en'));
    await expect(page.getByTestId('reporting-stat-validated').innerText()).resolves.toContain(String(api.summary.validatedLabs));
    await expect(page.getByTestId('reporting-stat-not-started').innerText()).resolves.toContain(String(api.summary.notStartedLabs));
    await expect(page.getByTestId('reporting-completion-text').innerText()).resolves.toContain(`${api.summary.validatedLabs} of ${api.summary.labs} labs validated`);
  });

  it('when the reporter searches another faculty’s lab, then nothing is listed; a status filter is kept across a reload', async () => {
    await page.goto(`${portalUrl}/backoffice/reporting?year=2025&q=catal`);
    await page.getByTestId('reporting-table').waitFor();
    await page.getByTestId('ui-empty').waitFor();
    expect(await page.getByTestId('reporting-unit-link').count()).toBe(0);

    await page.goto(`${portalUrl}/backoffice/reporting?year=2025`);
    await tableRows();
    await page.getByTestId('reporting-filter-status').click();
    await page.getByRole('option', { name: 'Not started' }).click();
    await page.waitForURL(/status=not_started/);
    await page.reload();
    const api = await apiGet(reporter, portalUrl, '/api/v1/reporting?year=2025&status=not_started', (v) => ReportingPage.parse(v));
    expect((await tableRows()).map((r) => r.code)).toEqual(api.items.map((i) => i.unit.code));
  });

  it('when the reporter exports, then CSV and JSON download with their content types and the filtered labs', async () => {
    await page.goto(`${portalUrl}/backoffice/reporting?year=2025&status=not_started`);
    await page.getByTestId('reporting-table').waitFor();
    const csvHref = (await page.getByTestId('reporting-export-csv').getAttribute('href'))!;
    const csv = await reporter.request.get(new URL(csvHref, portalUrl).toString());
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split(/\r\n/);
    const api = await apiGet(reporter, portalUrl, '/api/v1/reporting?year=2025&status=not_started', (v) => ReportingPage.parse(v));
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(api.items.map((i) => i.unit.code));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reporting-export-json').click()]);
    expect(download.suggestedFilename()).toBe('reporting-2025.json');
    const jsonHref = (await page.getByTestId('reporting-export-json').getAttribute('href'))!;
    const json = await reporter.request.get(new URL(jsonHref, portalUrl).toString());
    expect(json.headers()['content-type']).toMatch(/^application\/json/);
    expect(ReportingExport.parse(await json.json()).items.map((i) => i.unit.code)).toEqual(api.items.map((i) => i.unit.code));
  });

  it('when the reporter opens a lab, then its dashboard opens for that lab and year, and Back returns to the list', async () => {
    await page.goto(`${portalUrl}/backoffice/reporting?year=2025`);
    await tableRows();
    await page.getByTestId('reporting-unit-link').filter({ hasText: 'LAB-CARBON' }).click();
    await page.waitForURL(/\/dashboard\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('unit')).toBe('LAB-CARBON');
    expect(url.searchParams.get('year')).toBe('2025');
    await page.getByTestId('dashboard-page').waitFor({ timeout: 20_000 });
    await page.goBack();
    await page.waitForURL(/\/backoffice\/reporting/);
    await page.getByTestId('reporting-table').waitFor();
  });
});
