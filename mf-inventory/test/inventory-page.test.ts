import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import InventoryOverviewPage from '../src/features/overview/InventoryOverviewPage.vue';
import { INVENTORY_MODULES, moduleLabelKey } from '../src/features/overview/modules.js';
import { messages } from '../src/i18n/messages.js';
import { me, mountPage, unitList } from './support.js';

const ok = { 'GET /api/v1/me': { body: me }, 'GET /api/v1/units': { body: unitList } };

describe('InventoryOverviewPage', () => {
  it('when /v1/me and /v1/units answer, then it shows the person, the selected unit and the eight module cards', async () => {
    const { wrapper, fetch } = mountPage(InventoryOverviewPage, ok);
    await flushPromises();
    expect(fetch.calls.map((c) => c.url).sort()).toEqual(['/api/v1/me', '/api/v1/units']);
    expect(wrapper.get('[data-testid="inventory-data"]').text()).toBe('Signed in as Pat Principal · your units: LAB-CARBON');
    expect(wrapper.get('[data-testid="inventory-unit"]').text()).toBe('Inventory of Carbon Lab (LAB-CARBON) for 2025');
    const cards = wrapper.findAll('[data-testid^="inventory-module-"]');
    expect(cards[1]!.findComponent({ name: 'RouterLinkStub' }).props('to')).toEqual({ name: 'module', params: { module: 'professional-travel' } });
    expect(cards.map((c) => c.find('h3').text())).toEqual([
      'Headcount', 'Professional travel', 'Buildings', 'Equipment', 'Purchases', 'External cloud & AI services', 'Process emissions', 'Research facilities',
    ]);
  });

  it('when one of the two calls fails, then an alert with the code replaces the data', async () => {
    const { wrapper } = mountPage(InventoryOverviewPage, { ...ok, 'GET /api/v1/units': { status: 403, body: { error: { code: 'forbidden', message: 'no' } } } });
    await flushPromises();
    expect(wrapper.find('[data-testid="inventory-data"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="inventory-error"]').text()).toContain('forbidden');
  });

  it('when the portal locale changes, then module names and the unit name follow', async () => {
    const { wrapper, context } = mountPage(InventoryOverviewPage, ok);
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
