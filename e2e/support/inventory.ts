// Helpers of the inventory portal tests: the API as the signed-in browser sees it.
import { EntryList, Report } from '@co2/contracts';
import type { BrowserContext, Page } from 'playwright-core';

export const LAB = 'LAB-CARBON';
export const YEAR = 2025;
const report = `/api/v1/units/${LAB}/years/${YEAR}`;

async function getJson<T>(context: BrowserContext, portalUrl: string, path: string, parse: (v: unknown) => T): Promise<T> {
  const res = await context.request.get(`${portalUrl}${path}`);
  if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
  return parse(await res.json());
}

export const apiReport = (context: BrowserContext, portalUrl: string) => getJson(context, portalUrl, report, (v) => Report.parse(v));
export const apiEntries = (context: BrowserContext, portalUrl: string, submodule: string, query = '') =>
  getJson(context, portalUrl, `${report}/modules/${submodule}/entries?pageSize=200${query}`, (v) => EntryList.parse(v));

/** Waits until the entries table shows its rows (not loading). */
export async function settledTable(page: Page): Promise<void> {
  await page.getByTestId('entry-table').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[data-testid="entry-table"] .q-linear-progress'));
}

/** Picks an option of a Quasar select field of the contract form (the first one, or the one with this text). */
export async function pickOption(page: Page, field: string, text?: string): Promise<string> {
  await page.getByTestId(`field-${field}`).click();
  const menu = page.locator('.q-menu');
  const option = text ? menu.getByRole('option', { name: text }).first() : menu.getByRole('option').first();
  await option.waitFor();
  const label = (await option.innerText()).trim();
  await option.click();
  return label;
}
