// An administrator finds a factor change in the audit log, opens it and sees the changed value before and after,
// and has the hash chain verified; a reporter is not offered the page.
import { AuditPage, AuditVerification, FactorPage } from '@co2/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { apiGet, apiSend } from './support/backoffice.js';
import { launchBrowser } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');

let browser: Browser;
let admin: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  admin = await browser.newContext();
  page = await admin.newPage();
  await signIn(page, portalUrl, 'admin');
});
afterAll(async () => {
  await admin?.close();
  await browser?.close();
});

describe('audit log as an administrator', () => {
  it('when the admin changes a train factor, then the audit page lists the change and its drawer shows the value before and after', async () => {
    const factors = await apiGet(admin, portalUrl, '/api/v1/factors?year=2025&submodule=professional-travel/train&pageSize=1', (v) => FactorPage.parse(v));
    const factor = factors.items[0]!;
    const [key, value] = Object.entries(factor.values).find(([, v]) => typeof v === 'number')!;
    const changed = Math.round(Number(value) * 1.5 * 10_000) / 10_000;
    await apiSend(admin, portalUrl, 'PATCH', `/api/v1/factors/${factor.id}`, { values: { ...factor.values, [key]: changed } }, (v) => v);

    await page.goto(`${portalUrl}/backoffice/audit?year=2025&entityType=factor&action=factor.update`);
    await page.getByTestId('audit-table').waitFor();
    const api = await apiGet(admin, portalUrl, `/api/v1/audit?entityType=factor&action=factor.update&entityId=${factor.id}`, (v) => AuditPage.parse(v));
    const record = api.items[0]!;
    await page.getByRole('button', { name: `factor.update — show record ${record.seq}` }).click();
    await page.waitForURL(new RegExp(`record=${record.seq}`));
    const diff = page.getByTestId('audit-diff');
    await diff.waitFor();
    const changedRow = diff.getByTestId('audit-diff-changed').filter({ hasText: `values.${key}` });
    await expect(changedRow.innerText()).resolves.toContain(String(value));
    await expect(changedRow.innerText()).resolves.toContain(String(changed));
    expect(await seriousViolations(page)).toEqual([]);
    // The open record is in the address: a reload shows it again; closing removes it.
    await page.reload();
    await page.getByTestId('audit-record').waitFor();
    await page.getByTestId('audit-record-close').click();
    await page.waitForURL((u) => !u.searchParams.has('record'));

    await apiSend(admin, portalUrl, 'PATCH', `/api/v1/factors/${factor.id}`, { values: factor.values }, (v) => v);
  });

  it('when the admin verifies the chain, then the page says it is intact with the API’s record count', async () => {
    await page.goto(`${portalUrl}/backoffice/audit?year=2025`);
    await page.getByTestId('audit-verify-run').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    const api = await apiGet(admin, portalUrl, '/api/v1/audit/verify', (v) => AuditVerification.parse(v));
    expect(api.intact).toBe(true);
    await expect(result.innerText()).resolves.toContain('The chain is intact');
    expect(Number((await result.innerText()).match(/([\d,]+) records/)![1]!.replace(/,/g, ''))).toBeLessThanOrEqual(api.records);
  });

  it('when a reporter opens the audit address, then the page says it is for administrators', async () => {
    const reporter = await browser.newContext();
    const other = await reporter.newPage();
    await signIn(other, portalUrl, 'reporter');
    await other.goto(`${portalUrl}/backoffice/audit`);
    await other.getByTestId('backoffice-role-required').waitFor();
    expect(await other.getByTestId('backoffice-nav-audit').count()).toBe(0);
    await reporter.close();
  });
});
