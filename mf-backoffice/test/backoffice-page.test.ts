import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import BackofficeUnitsPage from '../src/features/units/BackofficeUnitsPage.vue';
import { unitRows } from '../src/features/units/unit-rows.js';
import { mountPage, unitList } from './support.js';

describe('BackofficeUnitsPage', () => {
  it('when /v1/units answers, then a table lists every unit in hierarchy order', async () => {
    const { wrapper, fetch } = mountPage(BackofficeUnitsPage, { 'GET /api/v1/units': { body: unitList } });
    await flushPromises();
    expect(fetch.calls.map((c) => c.url)).toEqual(['/api/v1/units']);
    const table = wrapper.get('[data-testid="backoffice-data"]');
    expect(table.findAll('tbody th').map((th) => th.text())).toEqual(['UNIV', 'ENV', 'LAB-CARBON']);
    expect(table.get('caption').text()).toBe('3 units visible to your role');
  });

  it('when the role sees no unit, then an empty state', async () => {
    const { wrapper } = mountPage(BackofficeUnitsPage, { 'GET /api/v1/units': { body: { units: [] } } });
    await flushPromises();
    expect(wrapper.get('[data-testid="backoffice-empty"]').text()).toContain('any unit');
  });

  it('when core-api refuses, then an alert with its code', async () => {
    const { wrapper } = mountPage(BackofficeUnitsPage, { 'GET /api/v1/units': { status: 403, body: { error: { code: 'forbidden', message: 'no' } } } });
    await flushPromises();
    expect(wrapper.get('[data-testid="backoffice-error"]').text()).toContain('forbidden');
  });

  it('when the portal locale changes, then headers and unit names follow', async () => {
    const { wrapper, context } = mountPage(BackofficeUnitsPage, { 'GET /api/v1/units': { body: unitList } });
    await flushPromises();
    context.locale = 'fr';
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Unités');
    expect(wrapper.get('[data-testid="backoffice-unit-ENV"]').text()).toContain('Faculté de l’environnement');
    context.locale = 'de';
    await flushPromises();
    expect(wrapper.get('thead').text()).toContain('Ebene');
    expect(wrapper.get('[data-testid="backoffice-unit-ENV"]').text()).toContain('Faculty of Environment');
  });
});

describe('unitRows', () => {
  it('sorts by hierarchy path and shows a dash for the root parent', () => {
    const rows = unitRows([...unitList.units].reverse(), 'en');
    expect(rows.map((r) => r.code)).toEqual(['UNIV', 'ENV', 'LAB-CARBON']);
    expect(rows[0]?.parentCode).toBe('—');
  });
});
