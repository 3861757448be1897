// Uncertainty as a range: with the year's module uncertainty tags set by an administrator, the principal reads the
// total as "x t ± y t" (the API's 95 % half-width) and the explain drawer lists the factors by their share of it.
// The year configuration is restored afterwards.
import { readFile } from 'node:fs/promises';
import { YearConfiguration } from '@co2/contracts';
import { formatPercent, formatTonnes } from '@co2/ui/format';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { apiResults, dashboardUrl, revealCharts } from './support/dashboard.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');
const configPath = `${portalUrl}/api/v1/years/2025/configuration`;

let browser: Browser;
let admin: BrowserContext;
let before: YearConfiguration;
const put = (config: YearConfiguration) => {
  const { openToUsers, workingDaysPerYear, modules, reductionGoals } = config;
  return admin.request.put(configPath, { headers: { 'X-CSRF': '1' }, data: { openToUsers, workingDaysPerYear, modules, reductionGoals } });
};
beforeAll(async () => {
  browser = await launchBrowser();
  admin = await browser.newContext();
  await signIn(await admin.newPage(), portalUrl, 'admin');
  before = YearConfiguration.parse(await (await admin.request.get(configPath)).json());
});
afterAll(async () => {
  if (before) await put(before);
  await admin?.close();
  await browser?.close();
});

describe('uncertainty ranges on the dashboard', () => {
  it('when the year tags every module “medium”, then the total shows the API’s ± range and the drawer the factors’ shares', async () => {
    const modules = Object.fromEntries(Object.entries(before.modules).map(([m, c]) => [m, { ...c, uncertainty: 'medium' }])) as YearConfiguration['modules'];
    const res = await put({ ...before, modules });
    expect(res.status(), await res.text()).toBe(200);

    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, portalUrl, 'principal');
    const { results } = await apiResults(context, portalUrl);
    const u = results!.uncertainty;
    expect(u.sigmaTonnesCo2eq).toBeGreaterThan(0);
    expect(u.byFactor.every((f) => f.basis === 'tag' || f.relativeUncertainty > 0)).toBe(true);

    await page.goto(dashboardUrl(portalUrl));
    const range = page.getByTestId('headline-range');
    await range.waitFor();
    await expect(range.innerText()).resolves.toContain(`±\u00a0${formatTonnes(u.halfWidth95TonnesCo2eq, 'en')}`);
    await range.click();
    const drawer = page.getByTestId('ui-explain');
    await drawer.waitFor();
    const shares = await drawer.getByTestId('ui-explain-uncertainty').allInnerTexts();
    expect(shares.length).toBe(u.byFactor.length);
    expect(shares[0]).toContain(formatPercent(u.byFactor[0]!.varianceShare, 'en'));
    await page.keyboard.press('Escape');

    // Error bars on the modules: each bar's 95 % range, and the same half-ranges in the chart's CSV.
    await revealCharts(page);
    await page.getByTestId('chart-module-canvas').locator('svg path:not([fill="none"])').first().waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-module-csv').click()]);
    const lines = (await readFile((await file.path())!, 'utf8')).trim().split('\r\n');
    expect(lines[0]!.endsWith('± 95 % (t CO2-eq)')).toBe(true);
    const halfRanges = lines.slice(1).map((l) => Number(l.split(',').at(-1)));
    const expected = results!.byModuleCategory.map((c) => c.module).filter((m, i, all) => all.indexOf(m) === i);
    expect(halfRanges).toEqual(expected.map((m) => expect.closeTo(u.byModule.find((b) => b.module === m)?.halfWidth95TonnesCo2eq ?? 0, 9)));
    await context.close();
  });
});
