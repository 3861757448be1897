// An administrator creates a year from 2025's configuration, opens it and closes it again (the year picker
// follows each time, and a principal's picker offers it only while it is open), and changes a plane threshold
// that the unit's report then carries.
import { Report, YearConfiguration, YearList } from '@co2/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiSend } from './support/backoffice.js';
import { launchBrowser } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');

let browser: Browser;
let admin: BrowserContext;
let principal: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  admin = await browser.newContext();
  page = await admin.newPage();
  await signIn(page, portalUrl, 'admin');
  principal = await browser.newContext();
  await signIn(await principal.newPage(), portalUrl, 'principal');
});
afterAll(async () => {
  await admin?.close();
  await principal?.close();
  await browser?.close();
});

const pickerOptions = async (p: Page) => {
  await p.getByTestId('context-year').waitFor();
  return p.getByTestId('context-year').locator('option').allInnerTexts();
};
const principalYears = async () => (await apiGet(principal, portalUrl, '/api/v1/years', (v) => YearList.parse(v))).years.map((y) => y.year);

describe('years as an administrator', () => {
  let created = 0;

  it('when the admin creates the next year from 2025, then it is configured like 2025, closed to users, and in the picker as closed', async () => {
    await page.goto(`${portalUrl}/backoffice/years?year=2025`);
    await page.getByTestId('years-table').waitFor();
    const before = await apiGet(admin, portalUrl, '/api/v1/years', (v) => YearList.parse(v));
    created = Math.max(...before.years.map((y) => y.year)) + 1;
    await expect(page.getByTestId('year-create-year').inputValue()).resolves.toBe(String(created));
    await page.getByTestId('year-create-submit').click();
    await page.waitForURL(new RegExp(`/backoffice/years/${created}`));
    await page.getByTestId('year-open').waitFor();

    const config = await apiGet(admin, portalUrl, `/api/v1/years/${created}/configuration`, (v) => YearConfiguration.parse(v));
    const template = await apiGet(admin, portalUrl, '/api/v1/years/2025/configuration', (v) => YearConfiguration.parse(v));
    expect(config.openToUsers).toBe(false);
    expect(config.modules).toEqual(template.modules);
    expect(config.reductionGoals).toEqual(template.reductionGoals);
    expect(await pickerOptions(page)).toContain(`${created} (closed)`);
    expect(await principalYears()).not.toContain(created);
  });

  it('when the admin opens the year and later closes it, then the picker and the users’ years follow', async () => {
    await page.goto(`${portalUrl}/backoffice/years/${created}?year=2025`);
    await page.getByTestId('year-open').click();
    await page.getByTestId('year-save').click();
    await page.getByTestId('year-saved').waitFor();
    await page.waitForFunction((y) => Array.from(document.querySelectorAll('[data-testid="context-year"] option')).some((o) => o.textContent?.trim() === String(y)), created);
    expect(await principalYears()).toContain(created);

    await page.getByTestId('year-open').click();
    await page.getByTestId('year-save').click();
    await page.getByTestId('year-saved').waitFor();
    await page.waitForFunction((y) => Array.from(document.querySelectorAll('[data-testid="context-year"] option')).some((o) => o.textContent?.trim() === `${y} (closed)`), created);
    expect(await principalYears()).not.toContain(created);
  });

  it('when a goal’s target precedes its reference year, then the page says so in the user’s language and saves nothing', async () => {
    await page.goto(`${portalUrl}/backoffice/years/${created}?year=2025`);
    await page.getByTestId('year-goal-add').click();
    await page.getByTestId('year-goal-0-label').fill('Paris');
    await page.getByTestId('year-goal-0-target').fill('2001');
    await page.getByTestId('year-save').click();
    await page.getByTestId('year-invalid').waitFor();
    await expect(page.getByTestId('year-goals').innerText()).resolves.toContain('The target year must come after the reference year.');
    const config = await apiGet(admin, portalUrl, `/api/v1/years/${created}/configuration`, (v) => YearConfiguration.parse(v));
    expect(config.reductionGoals).toHaveLength(0);
  });

  it('when the admin sets a plane threshold for 2025, then LAB-CARBON’s report carries it', async () => {
    const original = await apiGet(admin, portalUrl, '/api/v1/years/2025/configuration', (v) => YearConfiguration.parse(v));
    await page.goto(`${portalUrl}/backoffice/years/2025?year=2025`);
    const threshold = page.getByTestId('year-threshold-professional-travel-plane');
    await threshold.fill('150');
    await page.getByTestId('year-save').click();
    await page.getByTestId('year-saved').waitFor();
    const report = await apiGet(principal, portalUrl, '/api/v1/units/LAB-CARBON/years/2025', (v) => Report.parse(v));
    const travel = report.modules.find((m) => m.module === 'professional-travel')!;
    expect(travel.submodules.find((s) => s.submodule === 'plane')?.thresholdKg).toBe(150);
    const { year: _year, updatedAt: _updated, ...body } = original;
    await apiSend(admin, portalUrl, 'PUT', '/api/v1/years/2025/configuration', body, (v) => v);
  });
});
