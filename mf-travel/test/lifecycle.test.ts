import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createApiClient, createPortalContext, type PortalMountProps } from '@co2/shell-sdk';
import { fakeFetch, mountRemote } from '@co2/shell-sdk/testing';
import * as lifecycle from '../src/lifecycle.js';
import { me, unitList } from './support.js';

describe('lifecycle (the exposed ./lifecycle module)', () => {
  it('when single-spa mounts it with the portal props, then the page renders fetched data in the given element, and unmount clears it', async () => {
    const remote = await mountRemote<PortalMountProps & { name: string }>(
      lifecycle,
      {
        name: 'mf_travel',
        basePath: '/travel',
        api: createApiClient({ fetch: fakeFetch({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/units': { body: unitList } }) }),
        context: createPortalContext({ locale: 'de', unit: 'LAB-CARBON', year: 2025 }),
      },
      { path: '/travel', settle: flushPromises },
    );
    expect(remote.text('travel-page')).not.toBeNull();
    expect(remote.text('travel-data')).toBe('Pat Principal');
    expect(remote.domElement.querySelector('h1')?.textContent).toBe('Dienstreisen');
    await remote.unmount();
    expect(remote.domElement.innerHTML).toBe('');
  });
});
