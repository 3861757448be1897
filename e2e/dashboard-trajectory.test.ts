// The trajectory to the goals: an administrator sets reduction goals on 2025, and the principal's dashboard says
// in words where the lab stands against each (the API's verdict and figures) and draws the path; the per-FTE chart
// shows the lab beside the objective. The year configuration is restored afterwards.
import { Trajectory, YearConfiguration } from '@co2/contracts';
import { formatTonnes } from '@co2/ui/format';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { dashboardUrl, revealCharts } from './support/dashboard.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');
const configPath = `${portalUrl}/api/v1/years/2025/configuration`;

let browser: Browser;
let admin: BrowserContext;
let before: YearConfiguration;
beforeAll(async () => {
  browser = await launchBrowser();
  admin = await browser.newContext();
  await signIn(await admin.newPage(), portalUrl, 'admin');
  before = YearConfiguration.parse(await (await admin.request.get(configPath)).json());
});
afterAll(async () => {
  if (before) {
    const { openToUsers, workingDaysPerYear, modules, reductionGoals } = before;
    await admin?.request.put(configPath, { headers: { 'X-CSRF': '1' }, data: { openToUsers, workingDaysPerYear, modules, reductionGoals } });
  }
  await admin?.close();
  await browser?.close();
});

describe('trajectory to the reduction goals', () => {
  it('when goals are set, then the principal reads the API’s verdict for each goal in words and sees the path drawn', async () => {
    const goals = [
      { label: 'Half by 2030', referenceYear: 2024, targetYear: 2030, reductionPercent: 50 },
      { label: 'From 2019', referenceYear: 2019, targetYear: 2030, reductionPercent: 40 },
    ];
    const { openToUsers, workingDaysPerYear, modules } = before;
    const put = await admin.request.put(configPath, { headers: { 'X-CSRF': '1' }, data: { openToUsers, workingDaysPerYear, modules, reductionGoals: goals } });
    expect(put.status(), await put.text()).toBe(200);

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, portalUrl, 'principal');
    const trajectory = Trajectory.parse(await (await context.request.get(`${portalUrl}/api/v1/units/LAB-CARBON/years/2025/trajectory`)).json());
    expect(trajectory.goals.map((g) => g.label)).toEqual(['Half by 2030', 'From 2019']);
    const [half] = trajectory.goals;
    expect(half?.verdict).toMatch(/on_track|off_track/); // the demo lab has validated 2024 and 2025

    await page.goto(dashboardUrl(portalUrl));
    await revealCharts(page);
    const verdict = page.getByTestId('trajectory-verdict-0');
    await verdict.waitFor({ timeout: 20_000 });
    await expect(verdict.getAttribute('data-verdict')).resolves.toBe(half!.verdict);
    const words = await verdict.innerText();
    expect(words.startsWith(half!.verdict === 'on_track' ? 'On track' : 'Not on track')).toBe(true);
    expect(words).toContain(`${formatTonnes(half!.latest!.tonnesCo2eq, 'en')} in ${half!.latest!.year}`);
    expect(words).toContain(`allows ${formatTonnes(half!.latest!.allowedTonnesCo2eq, 'en')}`);
    await page.getByTestId('chart-trajectory-0-canvas').locator('svg path:not([fill="none"])').first().waitFor();
    await expect(page.getByTestId('trajectory-verdict-1').getAttribute('data-verdict')).resolves.toBe('no_reference');
    await expect(page.getByTestId('chart-trajectory-1').count()).resolves.toBe(0);

    // The per-FTE chart: the lab and, now that a goal covers 2025, its objective.
    await page.getByTestId('chart-per-fte-canvas').locator('svg path:not([fill="none"])').first().waitFor();
    const rows = await page.getByTestId('chart-per-fte-row').allTextContents();
    expect(rows.some((r) => r.startsWith('Objective this year'))).toBe(true);
    await context.close();
  });
});
