// A member (standard user) records a round trip by typing in the place fields, as in the acceptance:
// Geneva → New York JFK, economy, by typing "Gen" and "JFK" and picking from the suggestions. Two rows appear with
// the API's distance and kg; the member never sees the principal's trips; typing "Geneva" costs at most 2 searches.
import { formatKg, formatKm } from '@co2/ui/format';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { signIn } from './support/sign-in.js';
import { apiDistance, apiTrips, pickPlace, tableRows } from './support/travel.js';

const portalUrl = inject('portalUrl');
/** A formatted figure as `tableRows` reads a cell (no-break spaces become spaces). */
const cell = (text: string) => text.replace(/\s+/g, ' ');

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

describe('travel as a member', () => {
  it('when the member types "Gen" and "JFK", picks the suggestions and saves a round trip, then two rows appear with the API’s distance and kg', async () => {
    const before = await apiTrips(context, portalUrl);
    await page.goto(`${portalUrl}/travel?unit=LAB-CARBON&year=2025`);
    await page.getByTestId('nav-add-trip').click();
    await page.getByTestId('trip-form-page').waitFor();
    await expect(page.getByTestId('traveller-self').inputValue()).resolves.toContain('100002'); // the member travels

    await pickPlace(page, 'origin', 'Gen', 'GVA');
    await pickPlace(page, 'destination', 'JFK', 'JFK');
    const distance = await apiDistance(context, portalUrl, 'airport', 'GVA', 'JFK');
    await expect(page.getByTestId('trip-preview-distance').innerText()).resolves.toContain(formatKm(distance.distanceKm, 'en'));
    await expect(page.getByTestId('trip-preview-band').innerText()).resolves.toContain('Medium to long haul');
    await page.getByTestId('trip-round-trip').click();
    await page.getByTestId('ui-form-submit').click();

    const saved = page.getByTestId('trip-saved-entry');
    await saved.first().waitFor({ timeout: 20_000 });
    const after = await apiTrips(context, portalUrl);
    const created = after.items.filter((t) => !before.items.some((b) => b.entry.id === t.entry.id));
    expect(created.map((t) => `${t.origin.code}→${t.destination.code}`).sort()).toEqual(['GVA→JFK', 'JFK→GVA']);
    expect(created.every((t) => t.distanceKm === distance.distanceKm && t.travellerId === '100002' && t.cabinClass === 'economy')).toBe(true);
    const savedTexts = await saved.allInnerTexts();
    for (const trip of created) expect(savedTexts.join('\n')).toContain(formatKg(trip.entry.totalKgCo2eq, 'en'));

    await page.getByTestId('trip-saved-back').click();
    const rows = await tableRows(page);
    for (const trip of created) {
      const route = `${trip.origin.municipality} (${trip.origin.code}) → ${trip.destination.municipality} (${trip.destination.code})`;
      const shown = rows.filter((r) => r.route.startsWith(route));
      expect(shown.length, route).toBeGreaterThanOrEqual(1);
      expect(shown.some((r) => r.distance === cell(formatKm(distance.distanceKm, 'en')) && r.kg === cell(formatKg(trip.entry.totalKgCo2eq, 'en')))).toBe(true);
    }
  });

  it('when the member lists the trips, then only their own are there: none of the principal’s', async () => {
    await page.goto(`${portalUrl}/travel?unit=LAB-CARBON&year=2025&pageSize=100`);
    const rows = await tableRows(page);
    const mine = await apiTrips(context, portalUrl);
    expect(rows).toHaveLength(mine.total);
    expect(mine.items.every((t) => t.travellerId === '100002')).toBe(true);
    expect(rows.every((r) => r.traveller.includes('100002'))).toBe(true);
    expect(rows.some((r) => r.route.includes('(ZRH)') || r.route.includes('Lausanne'))).toBe(false); // the principal's seeded trips
    await expect(page.getByTestId('trip-totals').innerText()).resolves.toContain(formatKg(mine.summary.kgCo2eq, 'en'));
    await expect(page.getByTestId('nav-import').count()).resolves.toBe(0); // CSV imports are the principal's
  });

  it('when "Geneva" is typed at a person’s pace, then the debounced search sends at most 2 requests', async () => {
    await page.goto(`${portalUrl}/travel/new?unit=LAB-CARBON&year=2025`);
    await page.getByTestId('trip-form-page').waitFor();
    const searches: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/locations/search')) searches.push(r.url());
    });
    const input = page.getByTestId('trip-origin-input');
    await input.click();
    await input.pressSequentially('Geneva', { delay: 120 });
    await page.getByTestId('trip-origin-option').filter({ hasText: 'GVA' }).first().waitFor();
    await page.waitForTimeout(800);
    expect(searches.length).toBeGreaterThanOrEqual(1);
    expect(searches.length).toBeLessThanOrEqual(2);
    expect(searches.at(-1)).toContain('q=Geneva');
    // Keyboard: ↓ then Enter picks the first suggestion.
    await input.press('ArrowDown');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toMatch(/option-0$/);
    await input.press('Enter');
    await expect(input.inputValue()).resolves.toMatch(/\(GVA\)/);
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
  });
});
