// An administrator browses the year's factors (filters in the address), opens the short-haul economy plane factor,
// previews the impact per unit, changes its emission factor, follows the recalculation live and sees LAB-CARBON's trips recomputed with the new
// value (the API's figures), and the change in the factor's history. A reporter is not offered the page.
import { formatKg } from '@co2/ui/format';
import { FactorPage, TripList, type Factor } from '@co2/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiSend } from './support/backoffice.js';
import { launchBrowser } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');
const planeFactors = '/api/v1/factors?year=2025&submodule=professional-travel/plane&pageSize=100';
const shortEconomy = (f: Factor) => f.classification.category === 'short_to_medium_haul' && f.classification.cabin_class === 'economy';

let browser: Browser;
let admin: BrowserContext;
let principal: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  admin = await browser.newContext();
  page = await admin.newPage();
  await signIn(page, portalUrl, 'admin');
  // LAB-CARBON's trips are read as its principal (an administrator manages factors, not a lab's entries).
  principal = await browser.newContext();
  await signIn(await principal.newPage(), portalUrl, 'principal');
});
afterAll(async () => {
  await admin?.close();
  await principal?.close();
  await browser?.close();
});

async function tableClassifications(): Promise<string[]> {
  await page.getByTestId('factor-table').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[data-testid="factor-table"] .q-linear-progress'));
  return page.getByTestId('factor-link').allInnerTexts();
}

describe('factors as an administrator', () => {
  it('when the admin filters the 2025 factors by submodule and text, then the table lists what the API lists and the address keeps the filters', async () => {
    await page.goto(`${portalUrl}/backoffice/factors?year=2025`);
    await page.getByTestId('factors-page').waitFor();
    await page.getByTestId('factor-filter-submodule').click();
    await page.getByRole('option', { name: 'Plane trips' }).click();
    await page.waitForURL(/submodule=professional-travel/);
    const all = FactorPage.parse(await apiGet(admin, portalUrl, planeFactors, (v) => v));
    expect(await tableClassifications()).toHaveLength(all.total);

    await page.getByTestId('factor-filter-q').fill('business');
    await page.waitForURL(/q=business/);
    const business = FactorPage.parse(await apiGet(admin, portalUrl, `${planeFactors}&q=business`, (v) => v));
    expect(business.total).toBeGreaterThan(0);
    expect(business.total).toBeLessThan(all.total);
    await page.reload();
    const rows = await tableClassifications();
    expect(rows).toHaveLength(business.total);
    expect(rows.every((r) => r.includes('business'))).toBe(true);
  });

  it('when the admin changes the short-haul economy plane factor, then the impact preview lists LAB-CARBON’s plane trips with the kg difference the recalculation, run live, then produces', async () => {
    const factor = FactorPage.parse(await apiGet(admin, portalUrl, planeFactors, (v) => v)).items.find(shortEconomy)!;
    const oldEf = Number(factor.values.ef_kg_co2eq_per_km);
    const newEf = Math.round(oldEf * 1.1 * 10_000) / 10_000;
    const trips = (query: string) => apiGet(principal, portalUrl, `/api/v1/units/LAB-CARBON/years/2025/modules/professional-travel/trips?type=plane&pageSize=200${query}`, (v) => TripList.parse(v));
    const affected = (list: TripList) => list.items.filter((t) => t.factor?.id === factor.id);
    const before = affected(await trips(''));
    expect(before.length).toBeGreaterThan(0);

    await page.goto(`${portalUrl}/backoffice/factors?year=2025&submodule=professional-travel/plane&q=short_to`);
    await page.getByTestId('factor-link').filter({ hasText: 'economy' }).click();
    await page.getByTestId('factor-facts').waitFor();
    await expect(page.getByTestId('factor-value-ef_kg_co2eq_per_km').innerText()).resolves.toContain(String(oldEf));
    await page.getByTestId('factor-edit').click();
    await page.waitForURL(/\/edit/);
    const ef = page.getByLabel('ef_kg_co2eq_per_km');
    await ef.fill(String(newEf));
    // Impact preview before applying: LAB-CARBON's plane trips, with the kg difference (nothing written yet).
    await page.getByTestId('factor-impact-preview').click();
    const impactRow = page.getByTestId('factor-impact-LAB-CARBON');
    await impactRow.waitFor();
    await expect(impactRow.innerText()).resolves.toContain('Plane trips');
    const previewDelta = (await impactRow.getByTestId('factor-impact-delta').innerText()).trim();
    expect(affected(await trips('')).map((t) => t.entry.totalKgCo2eq)).toEqual(before.map((t) => t.entry.totalKgCo2eq));
    await page.getByTestId('ui-form-submit').click();
    await page.waitForURL(/job=/);
    await expect(page.getByTestId('factor-recalculation-status').innerText()).resolves.toBeTruthy();
    await page.getByTestId('factor-recalculation-status').filter({ hasText: 'Recalculation finished' }).waitFor({ timeout: 30_000 });

    // The API after the pipeline: every trip that used the factor is recomputed with the new value.
    const after = affected(await trips(''));
    expect(after.map((t) => t.entry.id).sort()).toEqual(before.map((t) => t.entry.id).sort());
    for (const trip of after) {
      const old = before.find((b) => b.entry.id === trip.entry.id)!;
      expect(trip.entry.totalKgCo2eq).toBeCloseTo((old.entry.totalKgCo2eq * newEf) / oldEf, 6);
    }
    // The preview's difference is the one the recalculation produced.
    const delta = after.reduce((n, t) => n + t.entry.totalKgCo2eq, 0) - before.reduce((n, t) => n + t.entry.totalKgCo2eq, 0);
    expect(previewDelta).toBe(`${delta > 0 ? '+' : ''}${formatKg(delta, 'en')}`);
    // The history shows the change, before → after, by the admin.
    const history = page.getByTestId('factor-history');
    await history.locator('tbody tr').first().waitFor();
    const text = await history.innerText();
    expect(text).toContain('values.ef_kg_co2eq_per_km');
    expect(text).toContain('admin');
    expect(text).toContain(String(newEf));

    await apiSend(admin, portalUrl, 'PATCH', `/api/v1/factors/${factor.id}`, { values: factor.values }, (v) => v);
  });

  it('when the admin copies 2025’s factors to a new year, then the summary matches the API and the new year lists them', async () => {
    const source = FactorPage.parse(await apiGet(admin, portalUrl, '/api/v1/factors?year=2025&pageSize=1', (v) => v));
    const target = 2031;
    expect(FactorPage.parse(await apiGet(admin, portalUrl, `/api/v1/factors?year=${target}&pageSize=1`, (v) => v)).total).toBe(0);
    // The new year exists (closed to users, as the years page creates it), then gets 2025's factors.
    await apiSend(admin, portalUrl, 'PUT', `/api/v1/years/${target}/configuration`, { openToUsers: false, workingDaysPerYear: 230, modules: {}, reductionGoals: [] }, (v) => v);
    await page.goto(`${portalUrl}/backoffice/factors?year=2025`);
    await page.getByTestId('factor-table').waitFor();
    await page.getByTestId('factor-copy').click();
    await page.getByTestId('factor-copy-to').fill(String(target));
    await page.getByTestId('factor-copy-submit').click();
    const result = page.getByTestId('factor-copy-result');
    await result.waitFor();
    await expect(result.innerText()).resolves.toContain(`${source.total} factors copied to ${target}, 0 already there and kept.`);
    const copied = FactorPage.parse(await apiGet(admin, portalUrl, `/api/v1/factors?year=${target}&pageSize=1`, (v) => v));
    expect(copied.total).toBe(source.total);
    await page.getByTestId('factor-copy-see').click();
    await page.waitForURL(new RegExp(`year=${target}`));
    await page.getByTestId('factor-table').waitFor();
    await expect(page.getByTestId('factor-table').innerText()).resolves.toContain(`of ${source.total}`);
  });

  it('when a reporter opens the factors address, then the page says it is for administrators and the section is not offered', async () => {
    const reporter = await browser.newContext();
    const other = await reporter.newPage();
    await signIn(other, portalUrl, 'reporter');
    await other.goto(`${portalUrl}/backoffice/factors`);
    await other.getByTestId('backoffice-role-required').waitFor();
    await other.getByTestId('backoffice-nav').waitFor();
    expect(await other.getByTestId('backoffice-nav-factors').count()).toBe(0);
    expect(await other.getByTestId('backoffice-nav-units').count()).toBe(1);
    await reporter.close();
  });
});
