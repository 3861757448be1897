import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import InventoryOverviewPage from '../src/features/overview/InventoryOverviewPage.vue';
import { INVENTORY_MODULES, moduleLabelKey } from '../src/features/overview/modules.js';
import { messages } from '../src/i18n/messages.js';
import { me, mountPage, unitList } from './support.js';

const module = (id: string, status: string, total: number | null, count: number | null, enabled = true) => ({
  module: id, status, totalKgCo2eq: total, additionalKgCo2eq: 0, entryCount: count, validatedAt: null, updatedAt: null, enabled, uncertainty: 'none', submodules: [],
});
const report = (open = true) => ({
  unit: 'LAB-CARBON',
  year: 2025,
  open,
  validatedModules: 2,
  modules: [
    module('headcount', 'validated', 0, 12),
    module('professional-travel', 'in_progress', 10_400, 31),
    module('buildings', 'validated', 850, 4),
    module('equipment', 'in_progress', 1234.5, 1),
    module('purchases', 'not_started', 0, 0),
    module('external-cloud-ai', 'in_progress', 12.5, 2),
    module('process-emissions', 'not_started', 0, 0, false),
    module('research-facilities', 'not_started', null, null),
  ],
});
const ok = { 'GET /api/v1/me': { body: me }, 'GET /api/v1/units': { body: unitList }, 'GET /api/v1/units/LAB-CARBON/years/2025': { body: report() } };
const mountOverview = (routes: Parameters<typeof mountPage>[1], locale: 'en' | 'fr' | 'de' = 'en') => mountPage(InventoryOverviewPage, routes, locale);

describe('InventoryOverviewPage', () => {
  it('when /v1/me and /v1/units answer, then it shows the person, the selected unit and the eight module cards', async () => {
    const { wrapper, fetch } = mountOverview(ok);
    await flushPromises();
    expect(fetch.calls.map((c) => c.url).sort()).toEqual(['/api/v1/me', '/api/v1/units', '/api/v1/units/LAB-CARBON/years/2025']);
    expect(wrapper.get('[data-testid="inventory-data"]').text()).toBe('Signed in as Pat Principal · your units: LAB-CARBON');
    expect(wrapper.get('[data-testid="inventory-unit"]').text()).toBe('Inventory of Carbon Lab (LAB-CARBON) for 2025');
    const cards = wrapper.findAll('[data-testid^="inventory-module-"]');
    expect(cards[0]!.findComponent({ name: 'RouterLinkStub' }).props('to')).toEqual({ name: 'module', params: { module: 'headcount' } });
    expect(cards[1]!.findComponent({ name: 'RouterLinkStub' }).props('to')).toEqual({ name: 'module', params: { module: 'professional-travel' } });
    expect(cards.map((c) => c.find('h3').text())).toEqual([
      'Headcount', 'Professional travel', 'Buildings', 'Equipment', 'Purchases', 'External cloud & AI services', 'Process emissions', 'Research facilities',
    ]);
  });

  it('when the report answers, then each card shows its status, total by magnitude and entry count, and k of n validated', async () => {
    const { wrapper } = mountOverview(ok);
    await flushPromises();
    const card = (id: string) => wrapper.get(`[data-testid="inventory-module-${id}"]`);
    expect(card('headcount').find('[data-testid="module-status-validated"]').exists()).toBe(true);
    expect(card('professional-travel').get('[data-testid="module-total"]').text()).toBe('10.4\u00a0t');
    expect(card('professional-travel').get('[data-testid="module-entries"]').text()).toBe('31 entries');
    expect(card('buildings').get('[data-testid="module-total"]').text()).toBe('850\u00a0kg');
    expect(card('equipment').get('[data-testid="module-entries"]').text()).toBe('1 entry');
    expect(card('purchases').find('[data-testid="module-status-not_started"]').exists()).toBe(true);
    expect(card('research-facilities').get('[data-testid="module-total"]').text()).toBe('—');
    expect(card('process-emissions').get('[data-testid="module-disabled"]').text()).toBe('Not part of this year’s inventory.');
    expect(card('process-emissions').find('a').exists()).toBe(false);
    expect(wrapper.get('[data-testid="validated-count"]').text()).toBe('2 of 7 modules validated');
    expect(wrapper.find('[data-testid="year-closed"]').exists()).toBe(false);
  });

  it('when the year is closed, then a read-only notice says so, in the user’s language', async () => {
    const { wrapper } = mountOverview({ ...ok, 'GET /api/v1/units/LAB-CARBON/years/2025': { body: report(false) } }, 'fr');
    await flushPromises();
    expect(wrapper.get('[data-testid="year-closed"]').text()).toContain('L’année 2025 est close');
    expect(wrapper.get('[data-testid="inventory-module-equipment"] [data-testid="module-total"]').text()).toBe('1,23\u00a0t');
  });

  it('when one of the two calls fails, then an alert with the code replaces the data', async () => {
    const { wrapper } = mountOverview({ ...ok, 'GET /api/v1/units': { status: 403, body: { error: { code: 'forbidden', message: 'no' } } } });
    await flushPromises();
    expect(wrapper.find('[data-testid="inventory-data"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="inventory-error"]').text()).toContain('forbidden');
  });

  it('when the portal locale changes, then module names and the unit name follow', async () => {
    const { wrapper, context } = mountOverview(ok);
    await flushPromises();
    context.locale = 'fr';
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Inventaire carbone');
    expect(wrapper.get('[data-testid="inventory-module-headcount"]').text()).toContain('Effectifs');
    expect(wrapper.get('[data-testid="inventory-unit"]').text()).toContain('Laboratoire carbone');
    context.locale = 'de';
    await flushPromises();
    expect(wrapper.get('[data-testid="inventory-module-buildings"]').text()).toContain('Gebäude');
    expect(wrapper.get('[data-testid="inventory-unit"]').text()).toContain('Kohlenstofflabor');
  });
});

describe('inventory modules', () => {
  it('every module has a label in every language', () => {
    for (const locale of ['en', 'fr', 'de'] as const) {
      for (const id of INVENTORY_MODULES) {
        const [group, key] = moduleLabelKey(id).split('.') as ['modules', string];
        expect(messages[locale][group], `${locale} ${id}`).toHaveProperty(key);
      }
    }
    expect(moduleLabelKey('external-cloud-ai')).toBe('modules.externalCloudAi');
  });
});
