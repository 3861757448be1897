// A lab's principal checks the inventory overview against the API, then enters, explains, validates, edits and
// deletes an equipment entry through the module page, and meets the form's field messages (no 5xx on the way).
import { readFileSync } from 'node:fs';
import { CopyPreview } from '@co2/contracts';
import { formatKg } from '@co2/ui/format';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { apiEntries, apiReport, pickOption, settledTable } from './support/inventory.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');
const ctx = 'unit=LAB-CARBON&year=2025';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const serverErrors: string[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
  page.on('response', (res) => {
    if (res.status() >= 500) serverErrors.push(`${res.status()} ${res.url()}`);
  });
  await signIn(page, portalUrl, 'principal');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const moduleStatusOnOverview = async (module: string) => {
  await page.goto(`${portalUrl}/inventory?${ctx}`);
  const card = page.getByTestId(`inventory-module-${module}`);
  await card.waitFor();
  return card.locator('[data-testid^="module-status-"]').getAttribute('data-testid');
};

describe('inventory as a principal', () => {
  it('when the principal opens the overview, then every card shows the API’s status, total and entry count', async () => {
    await page.goto(`${portalUrl}/inventory?${ctx}`);
    await page.getByTestId('validated-count').waitFor();
    const report = await apiReport(context, portalUrl);
    for (const m of report.modules) {
      const card = page.getByTestId(`inventory-module-${m.module}`);
      if (!m.enabled) {
        await card.getByTestId('module-disabled').waitFor();
        continue;
      }
      await expect(card.getByTestId(`module-status-${m.status}`).count()).resolves.toBe(1);
      if (m.totalKgCo2eq !== null) await expect(card.getByTestId('module-total').innerText()).resolves.toBe(formatKg(m.totalKgCo2eq, 'en'));
    }
    const enabled = report.modules.filter((m) => m.enabled);
    await expect(page.getByTestId('validated-count').innerText()).resolves.toBe(`${enabled.filter((m) => m.status === 'validated').length} of ${enabled.length} modules validated`);
  });

  it('when the principal adds, explains, validates, edits and deletes an equipment entry, then the page follows the API at every step', async () => {
    await page.goto(`${portalUrl}/inventory/modules/equipment?${ctx}`);
    await page.getByTestId('submodule-tab-it').click();
    await page.waitForURL(/sub=it/);
    await settledTable(page);

    // Add: taxonomy dropdowns, hours with units, a note.
    await page.getByTestId('entry-add').click();
    await page.getByTestId('entry-dialog').waitFor();
    await page.getByTestId('field-equipment_id').fill('E2E-0001');
    await page.getByTestId('field-name').fill('E2E workstation');
    const klass = await pickOption(page, 'equipment_class');
    await page.getByTestId('field-active_usage_hours_per_week').fill('40');
    await page.getByTestId('field-standby_usage_hours_per_week').fill('100');
    await page.getByTestId('field-note').fill('added by the browser test');
    await page.getByTestId('ui-form-submit').click();
    await page.getByTestId('entry-saved').waitFor();
    let list = await apiEntries(context, portalUrl, 'equipment/it');
    let entry = list.items.find((e) => e.data.equipment_id === 'E2E-0001')!;
    expect(entry.data).toMatchObject({ name: 'E2E workstation', equipment_class: klass, active_usage_hours_per_week: 40 });
    expect(entry.note).toBe('added by the browser test');
    await expect(page.getByTestId('entry-saved').innerText()).resolves.toContain(formatKg(entry.totalKgCo2eq, 'en'));
    await settledTable(page);
    const row = () => page.locator('[data-testid="entry-table"] tbody tr').filter({ hasText: 'E2E workstation' });
    await expect(row().getByTestId('entry-kg').innerText()).resolves.toBe(formatKg(entry.totalKgCo2eq, 'en'));
    await expect(page.getByTestId('submodule-total').innerText()).resolves.toContain(formatKg(list.sumKgCo2eq ?? 0, 'en'));

    // Explain: the formula and the factor with its source.
    if (entry.emissions.length > 0) {
      await row().getByTestId('entry-kg').click();
      const drawer = page.getByTestId('ui-explain');
      await drawer.waitFor();
      await expect(drawer.getByTestId('ui-explain-formula').first().innerText()).resolves.toBe(entry.emissions[0]!.formula);
      if (entry.emissions[0]!.factorSource) await expect(drawer.getByTestId('ui-explain-factor').first().innerText()).resolves.toContain(entry.emissions[0]!.factorSource);
      await drawer.getByTestId('ui-explain-close').click();
    }

    // Download: the entry comes out with its kg, a note that would start a formula is neutralised.
    await row().getByTestId('entry-edit').click();
    await page.getByTestId('field-note').fill('=HYPERLINK("http://evil")');
    await page.getByTestId('ui-form-submit').click();
    await page.getByTestId('entry-saved').waitFor();
    await settledTable(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('entry-download').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const line = csv.split('\r\n').find((l) => l.includes('E2E-0001'))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(line.endsWith(`,${(await apiEntries(context, portalUrl, 'equipment/it')).items.find((e) => e.data.equipment_id === 'E2E-0001')!.totalKgCo2eq}`)).toBe(true);

    // Validate: the overview says so.
    await page.getByTestId('module-validate').click();
    await page.getByTestId('module-unvalidate').waitFor();
    expect((await apiReport(context, portalUrl)).modules.find((m) => m.module === 'equipment')?.status).toBe('validated');
    expect(await moduleStatusOnOverview('equipment')).toBe('module-status-validated');

    // Edit: recomputed, and the module is in progress again.
    await page.goto(`${portalUrl}/inventory/modules/equipment?${ctx}&sub=it`);
    await settledTable(page);
    await row().getByTestId('entry-edit').click();
    await page.getByTestId('field-active_usage_hours_per_week').fill('60');
    await page.getByTestId('ui-form-submit').click();
    await page.getByTestId('entry-saved').waitFor();
    list = await apiEntries(context, portalUrl, 'equipment/it');
    entry = list.items.find((e) => e.data.equipment_id === 'E2E-0001')!;
    expect(entry.data.active_usage_hours_per_week).toBe(60);
    await settledTable(page);
    await expect(row().getByTestId('entry-kg').innerText()).resolves.toBe(formatKg(entry.totalKgCo2eq, 'en'));
    await page.getByTestId('module-validate').waitFor();
    expect(await moduleStatusOnOverview('equipment')).toBe('module-status-in_progress');

    // Delete, after confirming.
    await page.goto(`${portalUrl}/inventory/modules/equipment?${ctx}&sub=it`);
    await settledTable(page);
    await row().getByTestId('entry-delete').click();
    await page.getByTestId('ui-confirm-ok').click();
    await page.waitForLoadState('networkidle');
    await expect.poll(async () => (await apiEntries(context, portalUrl, 'equipment/it')).items.some((e) => e.data.equipment_id === 'E2E-0001')).toBe(false);
    await settledTable(page);
    await expect(row().count()).resolves.toBe(0);
    expect(serverErrors).toEqual([]);
  });

  it('when the principal copies IT equipment from 2024, then the preview says what the API previews and the copy brings exactly that', async () => {
    const preview = CopyPreview.parse(await (await context.request.get(`${portalUrl}/api/v1/units/LAB-CARBON/years/2025/modules/equipment/copy-from-previous-year?submodule=it`)).json());
    const before = await apiEntries(context, portalUrl, 'equipment/it');
    await page.goto(`${portalUrl}/inventory/modules/equipment?${ctx}&sub=it`);
    await settledTable(page);
    await page.getByTestId('entry-copy').click();
    const dialog = page.getByTestId('copy-dialog');
    await dialog.waitFor();
    if (preview.rows === 0) {
      await dialog.getByTestId('copy-nothing').waitFor();
      return;
    }
    await expect.poll(() => dialog.getByTestId('copy-preview').innerText()).toContain(formatKg(preview.kgCo2eq, 'en'));
    await expect(dialog.getByTestId('copy-preview').innerText()).resolves.toContain(preview.rows === 1 ? '1 row' : `${preview.rows} rows`);
    await dialog.getByTestId('copy-confirm').click();
    await page.getByTestId('entry-saved').waitFor();
    const after = await apiEntries(context, portalUrl, 'equipment/it');
    expect(after.total).toBe(before.total + preview.rows);
    expect(after.sumKgCo2eq! - before.sumKgCo2eq!).toBeCloseTo(preview.kgCo2eq, 6);
    await settledTable(page);
    await expect(page.getByTestId('entry-copied').count()).resolves.toBe(after.items.filter((e) => e.source === 'copied').length);
  });

  it('when the principal types invalid values, then each field says what is wrong in the user’s language, and no request fails with 5xx', async () => {
    await page.goto(`${portalUrl}/inventory/modules/equipment?${ctx}&sub=it`);
    await settledTable(page);
    await page.getByTestId('entry-add').click();
    const dialog = page.getByTestId('entry-dialog');
    await page.getByTestId('ui-form-submit').click();
    await expect.poll(async () => (await dialog.innerText()).match(/Required/g)?.length).toBe(3); // id, name, class
    await page.getByTestId('field-equipment_id').fill('E2E-BAD');
    await page.getByTestId('field-name').fill('Too many hours');
    await pickOption(page, 'equipment_class');
    await page.getByTestId('field-active_usage_hours_per_week').fill('100');
    await page.getByTestId('field-standby_usage_hours_per_week').fill('100');
    await page.getByTestId('ui-form-submit').click();
    await expect.poll(() => dialog.innerText()).toContain('Active and standby hours together must not exceed 168 a week.');
    await page.getByTestId('field-active_usage_hours_per_week').fill('4.5');
    await page.getByTestId('field-active_usage_hours_per_week').blur();
    await expect.poll(() => dialog.innerText()).toContain('Enter a whole number');
    await page.getByTestId('entry-cancel').click();
    expect((await apiEntries(context, portalUrl, 'equipment/it')).items.some((e) => e.data.equipment_id === 'E2E-BAD')).toBe(false);

    // Headcount in French: an FTE above 1 is refused with the bound in the locale, a decimal comma is accepted.
    await page.goto(`${portalUrl}/inventory/modules/headcount?${ctx}`);
    await settledTable(page);
    await page.getByTestId('lang-fr').click();
    await expect.poll(() => page.getByTestId('entry-add').innerText()).toContain('Ajouter');
    await page.getByTestId('entry-add').click();
    const fte = page.getByTestId('field-fte');
    await fte.fill('1,5');
    await fte.blur();
    await expect.poll(() => page.getByTestId('entry-dialog').innerText()).toContain('Doit être inférieur ou égal à 1');
    await fte.fill('0,5');
    await fte.blur();
    await expect.poll(() => page.getByTestId('entry-dialog').innerText()).not.toContain('Doit être inférieur ou égal à 1');
    await page.getByTestId('entry-cancel').click();
    await page.getByTestId('lang-en').click();
    expect(serverErrors).toEqual([]);
  });
});
