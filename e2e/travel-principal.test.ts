// A principal records a train journey Lausanne → Zürich HB with the station search, sees the unit's trips
// (the member's too), narrows them with filters kept in the address, explains a figure, deletes trips in bulk,
// and sees the map and the charts drawn from the unit's data.
import { formatKg } from '@co2/ui/format';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { signIn } from './support/sign-in.js';
import { apiTripRoutes, apiTrips, pickPlace, tableRows } from './support/travel.js';

const portalUrl = inject('portalUrl');
const list = `${portalUrl}/travel?unit=LAB-CARBON&year=2025`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
  await signIn(page, portalUrl, 'principal');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('travel as a principal', () => {
  it('when the principal adds a train journey Lausanne → Zürich HB with the station search, then it is saved with the API’s kg', async () => {
    const before = await apiTrips(context, portalUrl, '&type=train');
    await page.goto(`${portalUrl}/travel/new?unit=LAB-CARBON&year=2025&type=train`);
    await page.getByTestId('trip-form-page').waitFor();
    await pickPlace(page, 'origin', 'Laus', 'Lausanne');
    await pickPlace(page, 'destination', 'Zür', 'Zürich HB');
    await expect(page.getByTestId('trip-preview-country').innerText()).resolves.toContain('both ends in Switzerland');
    await page.getByTestId('traveller-select').click();
    await page.getByRole('option', { name: 'Lea Lab (100003)' }).click();
    await page.getByTestId('ui-form-submit').click();
    await page.getByTestId('trip-saved-entry').waitFor({ timeout: 20_000 });

    const after = await apiTrips(context, portalUrl, '&type=train');
    const created = after.items.filter((t) => !before.items.some((b) => b.entry.id === t.entry.id));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ origin: { name: 'Lausanne' }, destination: { name: 'Zürich HB' }, travellerId: '100003', cabinClass: 'second', trainCountry: { country: 'CH' } });
    await expect(page.getByTestId('trip-saved-entry').innerText()).resolves.toContain(formatKg(created[0]!.entry.totalKgCo2eq, 'en'));
  });

  it('when the principal lists the trips, then the unit’s trips are there, the member’s included, with the API’s totals', async () => {
    await page.goto(`${list}&pageSize=100`);
    const rows = await tableRows(page);
    const all = await apiTrips(context, portalUrl);
    expect(rows.length).toBe(Math.min(100, all.total));
    expect(rows.some((r) => r.traveller.startsWith('Max Member (100002)'))).toBe(true);
    expect(rows.some((r) => r.traveller.startsWith('Paula Principal (100001)'))).toBe(true);
    await expect(page.getByTestId('trip-totals').innerText()).resolves.toContain(formatKg(all.summary.kgCo2eq, 'en'));
    await expect(page.getByTestId('nav-import').getAttribute('href')).resolves.toContain('/inventory/modules/professional-travel');
  });

  it('when filters are set, then the list narrows to what the API says, and the address keeps them across a reload', async () => {
    await page.goto(list);
    await page.getByTestId('trip-tab-train').click();
    await page.getByTestId('filter-place').fill('zür');
    await page.waitForURL(/place=z%C3%BCr|place=zür/);
    expect(page.url()).toContain('type=train');
    const filtered = await apiTrips(context, portalUrl, '&type=train&place=z%C3%BCr');
    expect(filtered.total).toBeGreaterThanOrEqual(2); // the seeded journeys and the one just added
    let rows = await tableRows(page);
    expect(rows).toHaveLength(filtered.total);
    expect(rows.every((r) => r.route.includes('Zürich HB'))).toBe(true);
    await page.reload();
    rows = await tableRows(page);
    expect(rows).toHaveLength(filtered.total);
    await expect(page.getByTestId('trip-totals').innerText()).resolves.toContain(formatKg(filtered.summary.kgCo2eq, 'en'));

    await page.goto(`${list}&haulBand=medium_to_long_haul`);
    const long = await apiTrips(context, portalUrl, '&haulBand=medium_to_long_haul');
    rows = await tableRows(page);
    expect(rows).toHaveLength(Math.min(25, long.total));
    expect(rows.every((r) => !r.route.includes('Lausanne') && !r.route.includes('London'))).toBe(true);
  });

  it('when a figure is explained, then the drawer shows the formula, the factor and why it applies', async () => {
    await page.goto(`${list}&type=train&place=milano`);
    await page.getByTestId('trip-kg').first().click();
    const drawer = page.getByTestId('ui-explain');
    await drawer.waitFor();
    await expect(drawer.getByTestId('ui-explain-formula').first().innerText()).resolves.toContain('distance_km × ef_kg_co2eq_per_km');
    const text = await drawer.innerText();
    expect(text).toContain('Why this factor');
    expect(text).toContain('Train factor of IT: destination abroad');
    await page.keyboard.press('Escape');
  });

  it('when trips are selected and deleted in bulk, then they are gone from the list and the API', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await context.request.post(`${portalUrl}/api/v1/units/LAB-CARBON/years/2025/modules/professional-travel/plane/entries`, {
        headers: { 'X-CSRF': '1' },
        data: { data: { origin_iata: 'BER', destination_iata: 'MAD', user_institutional_id: '100001', cabin_class: 'economy' } },
      });
      expect(res.status()).toBe(201);
    }
    await page.goto(`${list}&place=madrid`);
    expect(await tableRows(page)).toHaveLength(2);
    await page.locator('[data-testid="trip-table"] thead .q-checkbox').click();
    await page.getByTestId('trip-delete-selected').click();
    await page.getByTestId('ui-confirm-ok').click();
    await page.getByTestId('ui-empty').waitFor();
    expect((await apiTrips(context, portalUrl, '&place=madrid')).total).toBe(0);
  });

  it('when the insights open, then the map and four charts render with the unit’s data', async () => {
    const routes = (await apiTripRoutes(context, portalUrl)).items;
    await page.goto(`${portalUrl}/travel/insights?unit=LAB-CARBON&year=2025`);
    const map = page.getByTestId('trips-map-canvas');
    await map.locator('svg path').first().waitFor({ timeout: 20_000 });
    expect(await map.locator('svg path').count()).toBeGreaterThan(100); // the countries and the arcs
    await expect(map.getAttribute('aria-label')).resolves.toContain('GVA–JFK');
    for (const chart of ['chart-class', 'chart-band', 'chart-traveller', 'chart-type']) {
      await page.getByTestId(`${chart}-canvas`).locator('svg').waitFor();
    }
    const business = routes.filter((r) => r.type === 'plane' && r.cabinClass === 'business').reduce((s, r) => s + r.kgCo2eq, 0);
    await expect(page.getByTestId('chart-class').textContent()).resolves.toContain(formatKg(business, 'en')); // its figures table
    const trains = routes.filter((r) => r.type === 'train').reduce((s, r) => s + r.kgCo2eq, 0);
    await expect(page.getByTestId('chart-type-canvas').getAttribute('aria-label')).resolves.toContain(`Train ${formatKg(trains, 'en')}`);
  });
});
