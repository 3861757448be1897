import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { Location } from '@co2/contracts';
import TravelPlaceCombobox from '../src/features/trip-form/TravelPlaceCombobox.vue';
import { mergeSuggestions, readRecent, rememberPlace } from '../src/features/trip-form/recent-places.js';
import { gva, jfk } from './fixtures.js';
import { memoryStorage, mountWithApi } from './support.js';

const search = (q: string) => `GET /api/v1/locations/search?kind=airport&q=${encodeURIComponent(q)}&limit=8`;

function mountCombobox(storage = memoryStorage(), routes: Record<string, { body: unknown }> = { [search('Geneva')]: { body: { items: [gva] } } }) {
  return { storage, ...mountWithApi(TravelPlaceCombobox, routes, { kind: 'airport', label: 'From', inputId: 'from', modelValue: null, storage, debounceMs: 300 }) };
}

describe('TravelPlaceCombobox (ARIA combobox over the location search)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('when "Geneva" is typed key by key, then one search is sent after the pause, and its suggestions are listed', async () => {
    const { wrapper, fetch } = mountCombobox();
    const input = wrapper.get('input');
    expect(input.attributes()).toMatchObject({ role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'from-list' });
    for (const prefix of ['G', 'Ge', 'Gen', 'Gene', 'Genev', 'Geneva']) {
      await input.setValue(prefix);
      vi.advanceTimersByTime(120);
    }
    expect(fetch.calls).toHaveLength(0);
    vi.advanceTimersByTime(300);
    await flushPromises();
    expect(fetch.calls.map((c) => c.url)).toEqual([search('Geneva').slice(4)]);
    expect(input.attributes('aria-expanded')).toBe('true');
    const options = wrapper.findAll('[role="option"]');
    expect(options.map((o) => o.text())).toEqual([expect.stringContaining('Geneva (GVA)')]);
    expect(wrapper.text()).toContain('1 suggestion');
  });

  it('when ↓ and Enter are pressed, then the active option is picked, emitted, remembered and the list closes', async () => {
    const { wrapper, storage } = mountCombobox();
    const input = wrapper.get('input');
    await input.setValue('Geneva');
    vi.advanceTimersByTime(300);
    await flushPromises();
    await input.trigger('keydown', { key: 'ArrowDown' });
    expect(input.attributes('aria-activedescendant')).toBe('from-option-0');
    expect(wrapper.get('#from-option-0').attributes('aria-selected')).toBe('true');
    await input.trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([gva]);
    expect((input.element as HTMLInputElement).value).toBe('Geneva (GVA)');
    expect(input.attributes('aria-expanded')).toBe('false');
    expect(readRecent(storage, 'airport').map((l) => l.code)).toEqual(['GVA']);
  });

  it('when the field gets focus with nothing typed, then the recent places are offered first; Esc closes the list', async () => {
    const storage = memoryStorage();
    rememberPlace(storage, jfk);
    rememberPlace(storage, gva);
    const { wrapper, fetch } = mountCombobox(storage);
    const input = wrapper.get('input');
    await input.trigger('focus');
    expect(wrapper.findAll('[role="option"]').map((o) => o.text())).toEqual([expect.stringContaining('GVA'), expect.stringContaining('JFK')]);
    expect(wrapper.findAll('[role="option"]').every((o) => o.text().includes('Recent'))).toBe(true);
    expect(fetch.calls).toHaveLength(0);
    await input.trigger('keydown', { key: 'Escape' });
    expect(input.attributes('aria-expanded')).toBe('false');
  });

  it('merges: recent places matching the text first, the server’s other suggestions after, without duplicates', () => {
    const recent: Location[] = [gva, jfk];
    expect(mergeSuggestions(recent, [gva, { ...gva, code: 'GVX' }], 'gen')).toEqual({ recent: [gva], found: [{ ...gva, code: 'GVX' }] });
    expect(mergeSuggestions(recent, [], '').recent).toEqual(recent);
    expect(readRecent(memoryStorage({ 'co2.travel.recent.airport': 'not json' }), 'airport')).toEqual([]);
  });
});
