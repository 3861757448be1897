// A principal opens the dashboard of their lab for 2025: the headline figures are the API's, the charts draw the
// unit's data, the provisional switch counts the modules in progress, two years compare side by side, every chart
// downloads as PNG and CSV (with the API's numbers), and the print layout shows the same figures.
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { apiEvolution, apiResults, dashboardUrl, expectedHeadline, revealCharts } from './support/dashboard.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  await signIn(page, portalUrl, 'principal');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const text = (testId: string) => page.getByTestId(testId).innerText();
const headline = async () => ({ total: await text('headline-total'), perFte: await text('headline-per-fte'), change: await text('headline-change'), carKm: await text('headline-car-km') });
/** A chart is drawn once its SVG has a filled shape (a bar or a sector; axis lines have no fill). */
const drawn = (chart: string) => page.getByTestId(`${chart}-canvas`).locator('svg path:not([fill="none"])').first().waitFor({ timeout: 20_000 });

describe('the dashboard as a principal', () => {
  it('when the principal opens 2025, then the headline figures equal the API’s validated results, rounded as displayed', async () => {
    const { results } = await apiResults(context, portalUrl);
    expect(results?.modules.length).toBeGreaterThan(0); // the demo lab has validated modules
    await page.goto(dashboardUrl(portalUrl));
    await page.getByTestId('headline').waitFor();
    expect(await headline()).toEqual(expectedHeadline(results!));
    await expect(text('dashboard-basis')).resolves.toContain('Validated modules only');
    for (const module of results!.modules) await expect(text(`module-${module}-counted`)).resolves.toBe('counted');
    await expect(page.getByTestId('module-equipment').locator('a').getAttribute('href')).resolves.toMatch(/\/inventory\/modules\/equipment\?.*unit=LAB-CARBON/);
  });

  it('when the page is open, then at least five charts render from the unit’s data', async () => {
    const { results } = await apiResults(context, portalUrl);
    await page.goto(dashboardUrl(portalUrl));
    await expect(page.getByTestId('dashboard-charts').count()).resolves.toBe(0); // below the first screen: not loaded yet
    await revealCharts(page);
    for (const chart of ['chart-module', 'chart-scope', 'chart-it', 'chart-evolution', 'chart-per-fte']) await drawn(chart);
    await page.getByTestId('additional-switch').click();
    await drawn('chart-additional');
    expect(new URL(page.url()).searchParams.get('additional')).toBe('true');
    const rows = await page.getByTestId('chart-module-row').allInnerTexts();
    expect(rows.length).toBe(new Set(results!.byModuleCategory.map((c) => c.module)).size);
  });

  it('when the provisional switch is turned on, then the total is the API’s provisional total, and the address keeps it', async () => {
    const { results: provisional } = await apiResults(context, portalUrl, { provisional: true });
    await page.goto(dashboardUrl(portalUrl));
    await page.getByTestId('provisional-switch').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('provisional')).toBe('true');
    await expect.poll(() => text('headline-total')).toBe(expectedHeadline(provisional!).total);
    await expect(text('dashboard-basis')).resolves.toContain('modules in progress are counted');
    await page.reload();
    await expect.poll(() => text('headline-total')).toBe(expectedHeadline(provisional!).total);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('provisional')).toBeNull();
  });

  it('when 2024 is compared with 2025, then both years appear side by side with the API’s module totals', async () => {
    const [{ results: y2024 }, { results: y2025 }] = await Promise.all([apiResults(context, portalUrl, { year: 2024 }), apiResults(context, portalUrl)]);
    await page.goto(`${dashboardUrl(portalUrl)}&compare=2024`);
    await drawn('chart-compare-module');
    const table = page.getByTestId('chart-compare-module');
    const header = (await table.locator('thead').textContent()) ?? ''; // the table sits in a closed <details>
    expect(header).toContain('2024');
    expect(header).toContain('2025');
    await expect(page.getByTestId('chart-compare-module-canvas').getAttribute('aria-label')).resolves.toContain('2024 and 2025 by module');
    const csv = await download('chart-compare-module-csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('2024 and 2025 by module,2024 (t CO2-eq),2025 (t CO2-eq)');
    const equipment = lines.find((l) => l.startsWith('Equipment,'))!.split(',');
    expect(Number(equipment[1])).toBeCloseTo(y2024!.byModule.find((m) => m.module === 'equipment')?.tonnesCo2eq ?? 0, 9);
    expect(Number(equipment[2])).toBeCloseTo(y2025!.byModule.find((m) => m.module === 'equipment')?.tonnesCo2eq ?? 0, 9);
  });

  it('when a chart is downloaded, then a PNG image and a CSV whose numbers are the API’s', async () => {
    const { results } = await apiResults(context, portalUrl);
    await page.goto(dashboardUrl(portalUrl));
    await revealCharts(page);
    await drawn('chart-scope');
    const png = await download('chart-scope-png');
    expect(png.name).toBe('LAB-CARBON-2025-chart-scope.png');
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.bytes.length).toBeGreaterThan(2000);

    const csv = await download('chart-scope-csv');
    expect(csv.name).toBe('LAB-CARBON-2025-chart-scope.csv');
    const values = Object.fromEntries(csv.text.trim().split('\r\n').slice(1).map((l) => [l.split(',')[0], Number(l.split(',')[1])]));
    expect(values).toEqual({ 'Scope 1 (direct)': results!.byScope.scope1, 'Scope 2 (energy)': results!.byScope.scope2, 'Scope 3 (indirect)': results!.byScope.scope3 });

    const evolution = await apiEvolution(context, portalUrl);
    const evolutionCsv = await download('chart-evolution-csv');
    const years = evolutionCsv.text.trim().split('\r\n').slice(1).map((l) => l.split(','));
    for (const row of years) {
      const year = evolution.years.find((y) => String(y.year) === row[0])!;
      const sum = row.slice(1).reduce((s, v) => s + Number(v), 0);
      expect(sum).toBeCloseTo(year.totalTonnesCo2eq, 9);
    }
  });

  it('when the print layout opens, then it shows the same figures and charts without controls', async () => {
    const { results } = await apiResults(context, portalUrl);
    await page.goto(dashboardUrl(portalUrl, 'LAB-CARBON', 2025, '/print'));
    await page.getByTestId('print-page').waitFor();
    await page.getByTestId('headline').waitFor();
    expect(await headline()).toEqual(expectedHeadline(results!));
    await drawn('chart-module');
    await expect(page.getByTestId('provisional-switch').count()).resolves.toBe(0);
    await expect(page.getByTestId('chart-module-png').count()).resolves.toBe(0);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.q-header').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('print-now').isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('when the language changes to French and German, then the figures follow their number formats', async () => {
    const { results } = await apiResults(context, portalUrl);
    await page.goto(dashboardUrl(portalUrl));
    await page.getByTestId('headline').waitFor();
    for (const [locale, title] of [['fr', 'Tableau de bord des émissions'], ['de', 'Emissions-Übersicht'], ['en', 'Emissions dashboard']] as const) {
      await page.getByTestId(`lang-${locale}`).click();
      await expect.poll(() => page.locator('#dashboard-title').innerText()).toBe(title);
      expect(await headline()).toEqual(expectedHeadline(results!, locale));
    }
  });
});

async function download(testId: string): Promise<{ name: string; bytes: Buffer; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const bytes = await readFile((await file.path())!);
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}
