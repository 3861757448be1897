// A unit's standard user in the inventory: the lab modules are the principal's (no entries shown, nothing to add),
// cloud and AI are theirs to see and fill in, and nothing offers to validate.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { apiEntries, settledTable } from './support/inventory.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');
const ctx = 'unit=LAB-CARBON&year=2025';

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
  await signIn(page, portalUrl, 'member');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('inventory as a member', () => {
  it('when the member opens a lab module, then no entry is shown and nothing can be added or validated', async () => {
    const denied = await context.request.get(`${portalUrl}/api/v1/units/LAB-CARBON/years/2025/modules/equipment/it/entries`);
    expect(denied.status()).toBe(403);
    await page.goto(`${portalUrl}/inventory/modules/equipment?${ctx}`);
    await page.getByTestId('module-read-only').waitFor();
    await expect(page.getByTestId('entry-table').count()).resolves.toBe(0);
    await expect(page.getByTestId('entry-add').count()).resolves.toBe(0);
    await expect(page.getByTestId('module-validate').count()).resolves.toBe(0);
    await expect(page.getByTestId('module-unvalidate').count()).resolves.toBe(0);
  });

  it('when the member opens cloud and AI, then the table shows what the API lets them read', async () => {
    await page.goto(`${portalUrl}/inventory/modules/external-cloud-ai?${ctx}`);
    await settledTable(page);
    const api = await apiEntries(context, portalUrl, 'external-cloud-ai/cloud');
    const rows = page.locator('[data-testid="entry-table"] tbody tr [data-testid="entry-kg"]');
    await expect(rows.count()).resolves.toBe(api.items.length);
    await expect(page.getByTestId('module-validate').count()).resolves.toBe(0);
  });
});
