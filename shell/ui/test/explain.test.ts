import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { defineComponent, h, ref } from 'vue';
import { Entry } from '@co2/contracts';
import { explainItemsFromEntry, type ExplainItem } from '../src/explain/explain-item.js';
import UiExplainDrawer from '../src/explain/UiExplainDrawer.vue';
import { mountUi } from './support.js';

enableAutoUnmount(afterEach);
// Quasar's dialog transitions end on timers: let them run before the DOM environment is torn down.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 500)));

const settle = async () => {
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 350));
  await flushPromises();
};
const inBody = (testid: string) => document.body.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

const entry = Entry.parse({
  id: '5f1c7c52-3c1b-4f7a-9a59-0c3f8e2b1a11',
  module: 'professional-travel',
  submodule: 'plane',
  data: { origin_iata: 'GVA', destination_iata: 'JFK' },
  note: null,
  source: 'manual',
  status: 'computed',
  reason: null,
  reasonMessage: null,
  totalKgCo2eq: 2412.5,
  emissions: [
    {
      emissionType: 'professional_travel__plane__business',
      emissionTypeId: 12,
      scope: 3,
      category: '3.6',
      additional: false,
      kgCo2eq: 2412.5,
      factorId: '0b3c7c52-3c1b-4f7a-9a59-0c3f8e2b1a22',
      factorYear: 2024,
      quantity: 6200,
      quantityUnit: 'pkm',
      formula: 'distance_km × trips × factor_kg_per_pkm',
      inputs: { distance_km: 6200, trips: 1, long_haul: true, cabin: 'business', rfi: null },
    },
  ],
  createdAt: '2025-03-04T10:05:00Z',
  updatedAt: '2025-03-04T10:05:00Z',
});

describe('explainItemsFromEntry', () => {
  it('maps each emission row of an entry to an item: quantity first, inputs with labels and units, the factor when there is one', () => {
    const [item, ...rest] = explainItemsFromEntry(entry, {
      emissionType: (type) => (type.endsWith('business') ? 'Plane, business class' : type),
      inputs: { distance_km: { label: 'Distance', unit: 'km' } },
    });
    expect(rest).toEqual([]);
    expect(item).toEqual({
      id: `${entry.id}:0`,
      label: 'Plane, business class',
      kgCo2eq: 2412.5,
      scope: 3,
      category: '3.6',
      formula: 'distance_km × trips × factor_kg_per_pkm',
      inputs: [
        { name: 'quantity', value: 6200, unit: 'pkm' },
        { name: 'distance_km', label: 'Distance', unit: 'km', value: 6200 },
        { name: 'trips', value: 1 },
        { name: 'long_haul', value: true },
        { name: 'cabin', value: 'business' },
        { name: 'rfi', value: null },
      ],
      factor: { id: '0b3c7c52-3c1b-4f7a-9a59-0c3f8e2b1a22', year: 2024 },
    });
  });

  it('takes the factor label, source and values once the contract carries them', () => {
    const withFactor = { ...entry, emissions: entry.emissions.map((e) => ({ ...e, factorLabel: 'Plane long haul, business', factorSource: 'DEFRA 2024', factorValues: [{ value: 0.389, unit: 'kg CO₂e/pkm' }] })) };
    expect(explainItemsFromEntry(withFactor)[0]?.factor).toEqual({
      id: '0b3c7c52-3c1b-4f7a-9a59-0c3f8e2b1a22', year: 2024, label: 'Plane long haul, business', source: 'DEFRA 2024', values: [{ value: 0.389, unit: 'kg CO₂e/pkm' }],
    });
  });
});

describe('UiExplainDrawer', () => {
  const items: ExplainItem[] = [
    {
      ...explainItemsFromEntry(entry, { inputs: { distance_km: { label: 'Distance', unit: 'km' } } })[0]!,
      label: 'Plane, business class',
      factor: { label: 'Plane long haul, business', year: 2024, values: [{ value: 0.389, unit: 'kg CO₂e/pkm' }], source: 'DEFRA 2024' },
      extra: ['Why this factor: long haul, business class, RFI 2'],
      uncertaintyShare: 0.125,
    },
    { id: 'b', label: 'Train', kgCo2eq: 12.5, inputs: [] },
  ];

  function mountDrawer(locale: 'en' | 'fr' | 'de' = 'en') {
    const Page = defineComponent(() => {
      const open = ref(false);
      return () => [
        h('button', { 'data-testid': 'explain', onClick: () => (open.value = true) }, '2.4 t'),
        h(UiExplainDrawer, { modelValue: open.value, 'onUpdate:modelValue': (v: boolean) => (open.value = v), title: 'GVA → JFK', items }),
      ];
    });
    return mountUi(Page, { locale }).wrapper;
  }

  it('shows the title, the total and one section per contribution with formula, inputs, factor, extra lines and uncertainty', async () => {
    const wrapper = mountDrawer('fr');
    await wrapper.get('[data-testid="explain"]').trigger('click');
    await settle();
    expect(plain(inBody('ui-explain-total')?.textContent)).toBe('Total: 2,43 t');
    const sections = document.body.querySelectorAll('[data-testid="ui-explain-item"]');
    expect([...sections].map((s) => plain(s.querySelector('h3')?.textContent))).toEqual(['Plane, business class', 'Train']);
    const first = sections[0]!;
    expect(plain(first.querySelector('[data-testid="ui-explain-kg"]')?.textContent)).toBe('2,41 t');
    expect(first.querySelector('[data-testid="ui-explain-formula"]')?.tagName).toBe('CODE');
    const rows = [...first.querySelectorAll('[data-testid="ui-explain-inputs"] tbody tr')].map((tr) => [...tr.children].map((cell) => plain(cell.textContent)).join(' '));
    expect(rows).toEqual(['quantity 6 200 pkm', 'Distance 6 200 km', 'trips 1', 'long_haul true', 'cabin business', 'rfi —']);
    const factorLines = [...first.querySelectorAll('[data-testid="ui-explain-factor"] p, [data-testid="ui-explain-factor"] li')].map((el) => plain(el.textContent));
    expect(factorLines).toEqual(['Facteur d’émission', 'Plane long haul, business · Année 2024', '0,389 kg CO₂e/pkm', 'Source : DEFRA 2024']);
    expect(plain(first.querySelector('[data-testid="ui-explain-extra"]')?.textContent)).toBe('Why this factor: long haul, business class, RFI 2');
    expect(plain(first.querySelector('[data-testid="ui-explain-uncertainty"]')?.textContent)).toBe('Part d’incertitude : 12,5%');
    expect(plain(sections[1]!.querySelector('[data-testid="ui-explain-kg"]')?.textContent)).toBe('12,5 kg');
  });

  it('is a dialog labelled by its title; focus moves to the title, Esc closes and focus returns to the opener', async () => {
    const wrapper = mountDrawer();
    const opener = wrapper.get('[data-testid="explain"]').element as HTMLButtonElement;
    opener.focus();
    opener.click();
    await settle();
    const dialog = document.body.querySelector('[role="dialog"]')!;
    const title = document.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    expect(title.textContent).toBe('GVA → JFK');
    expect(document.activeElement).toBe(title);
    for (const type of ['keydown', 'keyup']) title.dispatchEvent(new KeyboardEvent(type, { key: 'Escape', keyCode: 27, bubbles: true }));
    await settle();
    expect(inBody('ui-explain')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('says when nothing was computed', async () => {
    const { wrapper } = mountUi(UiExplainDrawer, { props: { modelValue: true, title: 'Row 3', items: [], emptyText: 'No factor for this cabin class.' } });
    await settle();
    expect(inBody('ui-explain-none')?.textContent).toBe('No factor for this cabin class.');
    expect(plain(inBody('ui-explain-total')?.textContent)).toBe('Total: 0 kg');
    await inBody('ui-explain-close')!.click();
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]]);
  });

  it('takes the whole screen on a 390 px wide phone', async () => {
    const happyDOM = (window as unknown as { happyDOM: { setInnerWidth(width: number): void } }).happyDOM;
    happyDOM.setInnerWidth(390);
    try {
      mountUi(UiExplainDrawer, { props: { modelValue: true, title: 'Row 3', items: [] } });
      await settle();
      expect(document.body.querySelector('.q-dialog__inner')?.classList.contains('q-dialog__inner--maximized')).toBe(true);
    } finally {
      happyDOM.setInnerWidth(1024);
    }
  });
});
