import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { TripList } from '@co2/contracts';
import { createApiClient, createPortalContext, type PortalMountProps } from '@co2/shell-sdk';
import { fakeFetch, mountRemote } from '@co2/shell-sdk/testing';
import * as lifecycle from '../src/lifecycle.js';
import { tripList } from './fixtures.js';
import { me } from './support.js';

const trips = (year: number) => `GET /api/v1/units/LAB-CARBON/years/${year}/modules/professional-travel/trips?page=1&pageSize=25&order=desc&sort=createdAt`;
const principal = { sub: 'principal', name: 'Pat Principal', email: null, roles: ['user.principal@unit:LAB-CARBON'], sessionExpiresAt: '2030-01-01T00:00:00Z' };

function start(path: string, routes: Parameters<typeof fakeFetch>[0]) {
  const fetch = fakeFetch({ 'GET /api/v1/me': { body: me }, ...routes });
  const context = createPortalContext({ locale: 'en', unit: 'LAB-CARBON', year: 2025, user: principal });
  return { fetch, context, mounting: mountRemote<PortalMountProps & { name: string }>(lifecycle, { name: 'mf_travel', basePath: '/travel', api: createApiClient({ fetch }), context }, { path, settle: flushPromises }) };
}

describe('lifecycle (the exposed ./lifecycle module)', () => {
  it('when mounted at /travel, then the trips the API lists are shown with their totals; unmount clears the element', async () => {
    expect(TripList.parse(tripList)).toBeTruthy();
    const { mounting } = start('/travel', { [trips(2025)]: { body: tripList } });
    const remote = await mounting;
    await flushPromises();
    const routes = [...remote.domElement.querySelectorAll('[data-testid="trip-route"]')].map((e) => e.textContent?.replace(/\s+/g, ' ').trim());
    expect(routes).toEqual(['Geneva (GVA) → New York (JFK)', 'Lausanne (CH) → Zürich HB (CH)']);
    expect(remote.text('trip-totals')?.replace(/\s+/g, ' ')).toBe('2 entries · 7 trips · 7,550 km · 1.63 t');
    expect(remote.text('trip-read-only')).toContain('read-only'); // the travel agency's trip
    expect(remote.domElement.querySelectorAll('[data-testid="trip-edit"]')).toHaveLength(1);
    expect(remote.domElement.querySelector('h1')?.textContent).toBe('Professional travel');
    await remote.unmount();
    expect(remote.domElement.innerHTML).toBe('');
  });

  it('when the shell switches the year while mounted, then the trips of that year are loaded', async () => {
    const { mounting, context, fetch } = start('/travel', { [trips(2025)]: { body: tripList }, [trips(2024)]: { body: { ...tripList, items: [], total: 0, summary: { entries: 0, numberOfTrips: 0, distanceKm: 0, kgCo2eq: 0 } } } });
    const remote = await mounting;
    context.year = 2024;
    await flushPromises();
    expect(fetch.calls.some((c) => c.url.includes('/years/2024/modules/professional-travel/trips'))).toBe(true);
    expect(remote.text('ui-empty')).toContain('No trips yet for 2024');
    await remote.unmount();
  });

  it('when the path is unknown in the area, then the area’s "page not found" links back to the trips', async () => {
    const { mounting } = start('/travel/nowhere', {});
    const remote = await mounting;
    expect(remote.text('ui-not-found')).not.toBeNull();
    await remote.unmount();
  });
});
