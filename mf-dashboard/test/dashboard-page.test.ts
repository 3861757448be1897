import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import DashboardResultsPage from '../src/features/results/DashboardResultsPage.vue';
import { me, mountPage, unitList } from './support.js';

const ok = { 'GET /api/v1/me': { body: me }, 'GET /api/v1/units': { body: unitList } };

describe('DashboardResultsPage', () => {
  it('when /v1/me and /v1/units answer, then it shows whose results, the unit and year, and the empty state', async () => {
    const { wrapper } = mountPage(DashboardResultsPage, ok);
    await flushPromises();
    expect(wrapper.get('[data-testid="dashboard-data"]').text()).toBe('Pat Principal');
    expect(wrapper.text()).toContain('Carbon Lab (LAB-CARBON), 2025');
    expect(wrapper.get('[data-testid="dashboard-empty"]').text()).toContain('No results yet');
  });

  it('when the API answers 404 with an error body, then an alert with its code', async () => {
    const { wrapper } = mountPage(DashboardResultsPage, {});
    await flushPromises();
    expect(wrapper.get('[data-testid="dashboard-error"]').text()).toContain('not_found');
  });

  it('when the portal locale changes, then the texts follow', async () => {
    const { wrapper, context } = mountPage(DashboardResultsPage, ok);
    await flushPromises();
    context.locale = 'de';
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Emissions-Übersicht');
    expect(wrapper.text()).toContain('Kohlenstofflabor (LAB-CARBON), 2025');
    context.locale = 'fr';
    await flushPromises();
    expect(wrapper.get('[data-testid="dashboard-empty"]').text()).toContain('Pas encore de résultats');
  });
});
