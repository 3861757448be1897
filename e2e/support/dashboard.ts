// Helpers of the dashboard portal tests: the results as the signed-in browser gets them from the API, and the
// figures as the page must show them (the same format functions as the page, so "rounded as displayed").
import { Evolution, Results } from '@co2/contracts';
import { formatNumber, formatPercent, formatTonnes } from '@co2/ui/format';
import type { BrowserContext, Page } from 'playwright-core';

export const dashboardUrl = (portalUrl: string, unit = 'LAB-CARBON', year = 2025, extra = '') => `${portalUrl}/dashboard${extra}?unit=${unit}&year=${year}`;

/** GET through the BFF with the page's session cookie: the status and, when 200, the parsed body. */
export async function apiResults(context: BrowserContext, portalUrl: string, options: { unit?: string; year?: number; provisional?: boolean } = {}) {
  const path = `/api/v1/units/${options.unit ?? 'LAB-CARBON'}/years/${options.year ?? 2025}/results${options.provisional ? '?provisional=true' : ''}`;
  const res = await context.request.get(`${portalUrl}${path}`);
  return { status: res.status(), results: res.ok() ? Results.parse(await res.json()) : null };
}

export async function apiEvolution(context: BrowserContext, portalUrl: string, unit = 'LAB-CARBON') {
  const res = await context.request.get(`${portalUrl}/api/v1/units/${unit}/results/evolution`);
  if (!res.ok()) throw new Error(`evolution: ${res.status()}`);
  return Evolution.parse(await res.json());
}

/** The headline figures of the API's results, rounded as the page shows them. */
export function expectedHeadline(results: Results, locale = 'en') {
  return {
    total: formatTonnes(results.totalTonnesCo2eq, locale),
    perFte: results.tonnesCo2eqPerFte === null ? '—' : formatTonnes(results.tonnesCo2eqPerFte, locale),
    change: results.changePercent === null ? '—' : formatPercent(results.changePercent / 100, locale, { signed: true }),
    carKm: `${formatNumber(Math.round(results.equivalentCarKm), locale, { maximumFractionDigits: 0 })}\u00a0km`,
  };
}

/** Scrolls to the charts as a reader does: they (and ECharts) load when they come near the screen. */
export async function revealCharts(page: Page): Promise<void> {
  await page.getByTestId('dashboard-charts-anchor').scrollIntoViewIfNeeded();
  await page.getByTestId('dashboard-charts').waitFor({ timeout: 20_000 });
}
