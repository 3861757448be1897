import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createApiClient, createPortalContext, type PortalMountProps } from '@co2/shell-sdk';
import { fakeFetch, mountRemote } from '@co2/shell-sdk/testing';
import * as lifecycle from '../src/lifecycle.js';
import { dashboardRoutes } from './fixtures.js';
import { unitList } from './support.js';

describe('lifecycle (the exposed ./lifecycle module)', () => {
  it('when single-spa mounts it with the portal props, then the page renders fetched data in the given element, and unmount clears it', async () => {
    const remote = await mountRemote<PortalMountProps & { name: string }>(
      lifecycle,
      {
        name: 'mf_dashboard',
        basePath: '/dashboard',
        api: createApiClient({
          fetch: fakeFetch(dashboardRoutes(unitList.units.find((u) => u.code === 'LAB-CARBON'))),
        }),
        context: createPortalContext({ locale: 'de', unit: 'LAB-CARBON', year: 2025 }),
      },
      { path: '/dashboard', settle: flushPromises },
    );
    expect(remote.text('dashboard-page')).not.toBeNull();
    expect(remote.text('headline-total')).toBe('10,4\u00a0t');
    expect(remote.domElement.querySelector('h1')?.textContent).toBe('Emissions-Übersicht');
    await remote.unmount();
    expect(remote.domElement.innerHTML).toBe('');
  });
});
