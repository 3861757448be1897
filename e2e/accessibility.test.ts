// axe-core on every page of the shell and the four remotes, signed out and as each role: no serious or
// critical violation. Feature teams add their pages to PAGES (path + a test id that shows the page is ready).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');

interface PageCheck {
  path: string;
  ready: string;
}

const PAGES: Record<'principal' | 'member' | 'reporter' | 'admin', PageCheck[]> = {
  principal: [
    { path: '/', ready: 'home' },
    { path: '/inventory', ready: 'inventory-page' },
    { path: '/inventory/modules/equipment', ready: 'module-page' },
    { path: '/inventory/modules/equipment?sub=it', ready: 'entry-table' },
    { path: '/inventory/modules/headcount', ready: 'fte-chart' },
    { path: '/inventory/modules/buildings?sub=embodied-energy', ready: 'entry-table' },
    { path: '/inventory/modules/research-facilities', ready: 'entry-table' },
    { path: '/travel', ready: 'travel-page' },
    { path: '/travel/new?type=train', ready: 'trip-form-page' },
    { path: '/travel/insights', ready: 'trips-map' },
    { path: '/travel/nowhere', ready: 'ui-not-found' },
    { path: '/dashboard', ready: 'dashboard-page' },
    { path: '/dashboard?provisional=true&additional=true&compare=2024', ready: 'compare-charts' },
    { path: '/dashboard/print', ready: 'print-charts' },
    { path: '/backoffice', ready: 'role-page' },
    { path: '/nowhere', ready: 'not-found' },
    { path: '/account/sessions', ready: 'sessions-list' },
    { path: '/travel/xyz', ready: 'ui-not-found' },
  ],
  member: [
    { path: '/inventory', ready: 'inventory-page' },
    { path: '/inventory/modules/equipment', ready: 'module-read-only' },
    { path: '/inventory/modules/external-cloud-ai', ready: 'entry-table' },
    { path: '/travel', ready: 'travel-page' },
    { path: '/travel/new', ready: 'trip-form-page' },
    { path: '/dashboard', ready: 'role-page' },
  ],
  reporter: [
    { path: '/dashboard', ready: 'dashboard-page' },
    { path: '/dashboard?additional=true', ready: 'chart-additional' },
    { path: '/backoffice', ready: 'backoffice-page' },
    { path: '/backoffice/factors', ready: 'backoffice-role-required' },
    { path: '/backoffice/reporting?year=2025', ready: 'reporting-unit-link' },
    { path: '/inventory', ready: 'role-page' },
  ],
  admin: [
    { path: '/dashboard', ready: 'dashboard-page' },
    { path: '/account/sessions', ready: 'sessions-admin' },
    { path: '/backoffice', ready: 'backoffice-page' },
    { path: '/backoffice/imports', ready: 'imports-page' },
    { path: '/backoffice/factors?year=2025&submodule=professional-travel/plane', ready: 'factor-link' },
    { path: '/backoffice/factors/new?year=2025&submodule=professional-travel/train', ready: 'ui-contract-form' },
    { path: '/backoffice/years?year=2025', ready: 'years-table' },
    { path: '/backoffice/years/2025?year=2025', ready: 'year-goals' },
    { path: '/backoffice/reporting?year=2025', ready: 'reporting-unit-link' },
    { path: '/backoffice/portal?remote=mf_travel', ready: 'portal-summary' },
    { path: '/backoffice/audit?year=2025', ready: 'audit-open' },
    { path: '/backoffice/jobs?year=2025', ready: 'workers-table' },
  ],
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function scan(page: Page, check: PageCheck): Promise<string[]> {
  await page.goto(portalUrl + check.path);
  await page.getByTestId(check.ready).first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  return (await seriousViolations(page)).map((v) => `${check.path}: ${v.id} (${v.impact}) ${v.help} — ${v.targets.slice(0, 3).join(', ')}`);
}

describe('accessibility (axe-core, serious and critical)', () => {
  it('when signed out, then the landing page has no serious violation, in every language', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const findings: string[] = [];
    for (const lang of ['en', 'fr', 'de']) {
      findings.push(...(await scan(page, { path: '/', ready: 'sign-in' })));
      await page.getByTestId(`lang-${lang}`).click();
    }
    await context.close();
    expect(findings).toEqual([]);
  });

  for (const [login, pages] of Object.entries(PAGES)) {
    it(`when ${login} opens each of their pages, then none has a serious violation`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, portalUrl, login);
      const findings: string[] = [];
      for (const check of pages) findings.push(...(await scan(page, check)));
      await context.close();
      expect(findings).toEqual([]);
    });
  }
});
