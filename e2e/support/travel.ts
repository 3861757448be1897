// Helpers of the travel portal tests: the API as the signed-in browser sees it, and the trip form's place fields.
import { LocationDistance, TripList, TripRouteList } from '@co2/contracts';
import type { BrowserContext, Page } from 'playwright-core';

export const LAB = 'LAB-CARBON';
export const YEAR = 2025;
const travel = `/api/v1/units/${LAB}/years/${YEAR}/modules/professional-travel`;

/** GET through the BFF with the page's session cookie, parsed with its contract. */
async function getJson<T>(context: BrowserContext, portalUrl: string, path: string, parse: (v: unknown) => T): Promise<T> {
  const res = await context.request.get(`${portalUrl}${path}`);
  if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
  return parse(await res.json());
}

export const apiTrips = (context: BrowserContext, portalUrl: string, query = '') =>
  getJson(context, portalUrl, `${travel}/trips?pageSize=200${query}`, (v) => TripList.parse(v));
export const apiTripRoutes = (context: BrowserContext, portalUrl: string) => getJson(context, portalUrl, `${travel}/trip-routes`, (v) => TripRouteList.parse(v));
export const apiDistance = (context: BrowserContext, portalUrl: string, kind: 'airport' | 'station', from: string, to: string) =>
  getJson(context, portalUrl, `/api/v1/locations/distance?kind=${kind}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&year=${YEAR}`, (v) => LocationDistance.parse(v));

/** Types into a place field as a person does (one key at a time) and picks the suggestion containing `pick`. */
export async function pickPlace(page: Page, side: 'origin' | 'destination', typed: string, pick: string): Promise<void> {
  const input = page.getByTestId(`trip-${side}-input`);
  await input.click();
  await input.pressSequentially(typed, { delay: 90 });
  const option = page.getByTestId(`trip-${side}-option`).filter({ hasText: pick }).first();
  await option.waitFor({ timeout: 15_000 });
  await option.click();
}

/** The rows of the trips table as the user reads them: route, traveller, distance and kg cells. */
export async function tableRows(page: Page): Promise<{ route: string; traveller: string; distance: string; kg: string }[]> {
  await page.getByTestId('trip-table').waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('[data-testid="trip-route"], [data-testid="ui-empty"]').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="trip-table"] .q-linear-progress'));
  return page.locator('[data-testid="trip-table"] tbody tr').evaluateAll((rows) =>
    rows
      .filter((r) => r.querySelector('[data-testid="trip-route"]'))
      .map((r) => {
        const cells = [...r.querySelectorAll('td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim());
        const offset = r.querySelector('td .q-checkbox') ? 1 : 0;
        return { route: (r.querySelector('[data-testid="trip-route"]')?.textContent ?? '').replace(/\s+/g, ' ').trim(), traveller: cells[offset + 2] ?? '', distance: cells[offset + 5] ?? '', kg: cells[offset + 6] ?? '' };
      }),
  );
}
