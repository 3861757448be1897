import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import TravelTripsPage from '../src/features/trips/TravelTripsPage.vue';
import { me, mountPage } from './support.js';

describe('TravelTripsPage', () => {
  it('when /v1/me answers, then it shows the signed-in person, their unit and the empty trips state', async () => {
    const { wrapper, fetch } = mountPage(TravelTripsPage, { 'GET /api/v1/me': { body: me } });
    expect(wrapper.find('[role="status"]').exists()).toBe(true);
    await flushPromises();
    expect(fetch.calls.map((c) => c.url)).toEqual(['/api/v1/me']);
    expect(wrapper.get('[data-testid="travel-data"]').text()).toBe('Pat Principal');
    expect(wrapper.text()).toContain('Carbon Lab (LAB-CARBON)');
    expect(wrapper.get('[data-testid="travel-empty"]').text()).toContain('No trips yet');
    expect(wrapper.get('[data-testid="travel-empty"]').text()).toContain('2025');
  });

  it('when the API fails, then an alert with the error code and a retry that reloads', async () => {
    const routes: Record<string, { status?: number; body?: unknown }> = {
      'GET /api/v1/me': { status: 503, body: { error: { code: 'core_unavailable', message: 'down' } } },
    };
    const { wrapper } = mountPage(TravelTripsPage, routes);
    await flushPromises();
    expect(wrapper.find('[data-testid="travel-data"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="travel-error"]').text()).toContain('core_unavailable');
    routes['GET /api/v1/me'] = { body: me };
    await wrapper.get('[data-testid="travel-error"] button').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="travel-data"]').text()).toBe('Pat Principal');
  });

  it('when the response breaks the Me contract, then the page shows an error instead of bad data', async () => {
    const { wrapper } = mountPage(TravelTripsPage, { 'GET /api/v1/me': { body: { ...me, units: 'LAB-CARBON' } } });
    await flushPromises();
    expect(wrapper.get('[data-testid="travel-error"]').text()).toContain('invalid_response');
  });

  it('when the portal locale changes, then the texts follow', async () => {
    const { wrapper, context } = mountPage(TravelTripsPage, { 'GET /api/v1/me': { body: me } });
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Professional travel');
    context.locale = 'fr';
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Voyages professionnels');
    expect(wrapper.text()).toContain('Aucun voyage');
    context.locale = 'de';
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Dienstreisen');
  });
});
