import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createApiClient, createPortalContext, type PortalMountProps } from '@co2/shell-sdk';
import { fakeFetch, mountRemote, type FakeRoute } from '@co2/shell-sdk/testing';
import * as lifecycle from '../src/lifecycle.js';
import { dashboardRoutes, resultsFixture } from './fixtures.js';
import { unitList } from './support.js';

const base = '/api/v1/units/LAB-CARBON';
const carbon = unitList.units.find((u) => u.code === 'LAB-CARBON');
/** Lets the fetches, their parsing and the lazily loaded parts finish. */
const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
const ok: Record<string, FakeRoute> = dashboardRoutes(carbon);

async function mountDashboard(routes: Record<string, FakeRoute>, options: { roles?: string[]; path?: string; locale?: 'en' | 'fr' | 'de' } = {}) {
  const context = createPortalContext({ locale: options.locale ?? 'en', unit: 'LAB-CARBON', year: 2025 });
  context.user = { subject: 'principal', name: 'Pat Principal', email: null, roles: options.roles ?? ['user.principal@unit:LAB-CARBON'] } as never;
  return mountRemote<PortalMountProps & { name: string }>(
    lifecycle,
    { name: 'mf_dashboard', basePath: '/dashboard', api: createApiClient({ fetch: fakeFetch(routes) }), context },
    { path: options.path ?? '/dashboard', settle },
  );
}

describe('the dashboard page', () => {
  it('when a principal opens it, then the headline figures, the unit and the modules counted or not, with inventory links', async () => {
    const remote = await mountDashboard(ok);
    expect(remote.text('dashboard-scope')).toContain('Carbon Lab (LAB-CARBON), 2025');
    expect(remote.text('headline-total')).toBe('10.4\u00a0t');
    expect(remote.text('headline-per-fte')).toBe('1.52\u00a0t');
    expect(remote.text('headline-change')).toBe('-34%');
    expect(remote.text('module-professional-travel-counted')?.trim()).toBe('not counted');
    expect(remote.domElement.querySelector('[data-testid="module-equipment"] a')?.getAttribute('aria-label')).toBe('Open Equipment in the inventory');
    expect(remote.text('dashboard-basis')).toContain('Validated modules only.');
    expect(remote.text('headline-range')).toContain('±\u00a00.98\u00a0t');
    await remote.unmount();
  });

  it('when the address asks for provisional figures, then the provisional total is shown and labelled so', async () => {
    const remote = await mountDashboard(ok, { path: '/dashboard?provisional=true' });
    expect(remote.text('headline-total')).toBe('18.2\u00a0t');
    expect(remote.text('dashboard-basis')).toContain('modules in progress are counted');
    await remote.unmount();
  });

  it('when reporting staff open it, then the figures read-only and no inventory links', async () => {
    const remote = await mountDashboard(ok, { roles: ['backoffice.metier@affiliation:ENV'], locale: 'de' });
    expect(remote.text('headline-total')).toBe('10,4\u00a0t');
    expect(remote.text('dashboard-basis')).toContain('Nur lesen');
    expect(remote.domElement.querySelector('[data-testid="module-equipment"] a')).toBeNull();
    await remote.unmount();
  });

  it('when the API refuses the results (403), then the page says results are for the unit’s principal', async () => {
    const forbidden = { status: 403, body: { error: { code: 'forbidden', message: 'principals only' } } };
    const remote = await mountDashboard({ ...ok, [`GET ${base}/years/2025/results`]: forbidden, [`GET ${base}/years/2025/results?provisional=true`]: forbidden, [`GET ${base}/results/evolution`]: forbidden }, { roles: ['user.standard@unit:LAB-CARBON'] });
    expect(remote.text('results-role')).toContain('Results are for the unit’s principal');
    expect(remote.text('headline')).toBeNull();
    await remote.unmount();
  });

  it('when nothing is validated, then an empty state that sends the principal to the inventory', async () => {
    const none = resultsFixture({ modules: [], totalTonnesCo2eq: 0, byModule: [], byModuleCategory: [], byCategory: [] });
    const remote = await mountDashboard({ ...ok, [`GET ${base}/years/2025/results`]: { body: none } });
    expect(remote.text('results-empty')).toContain('No validated module yet for 2025');
    expect(remote.text('results-empty-inventory')).toContain('Open the inventory');
    expect(remote.text('headline')).toBeNull();
    await remote.unmount();
  });
});
