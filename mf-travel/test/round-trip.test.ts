import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createApiClient } from '@co2/shell-sdk';
import { fakeFetch } from '@co2/shell-sdk/testing';
import TravelSavedBanner from '../src/features/trip-form/TravelSavedBanner.vue';
import { saveTrip } from '../src/features/trip-form/save-trip.js';
import { draftOfEntry, placeFields } from '../src/features/trip-form/trip-draft.js';
import { entryFixture, gva, jfk, lausanne, zurich } from './fixtures.js';
import { mountWithApi } from './support.js';

const base = '/api/v1/units/LAB-CARBON/years/2025/modules/professional-travel';
const data = { origin_iata: 'GVA', destination_iata: 'JFK', user_institutional_id: '100002', cabin_class: 'economy', number_of_trips: 1 };
const outbound = entryFixture('bbbbbbbb-0000-4000-8000-000000000001', 'plane', data, 1616.6);
const back = entryFixture('bbbbbbbb-0000-4000-8000-000000000002', 'plane', { ...data, origin_iata: 'JFK', destination_iata: 'GVA' }, 1616.6);

describe('the round-trip action', () => {
  it('when round trip is on, then one request to the round-trips route saves both journeys, and the banner shows each kg and the sum', async () => {
    const fetch = fakeFetch({ [`POST ${base}/plane/round-trips`]: { status: 201, body: { outbound, return: back } } });
    const saved = await saveTrip(createApiClient({ fetch }), { unit: 'LAB-CARBON', year: 2025, type: 'plane', id: null, roundTrip: true }, data, 'conference');
    expect(fetch.calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([`POST ${base}/plane/round-trips`]);
    expect(JSON.parse(String(fetch.calls[0]!.init.body))).toEqual({ data, note: 'conference' });
    expect(saved.entries.map((e) => e.id)).toEqual([outbound.id, back.id]);
    expect(saved.kgCo2eq).toBeCloseTo(3233.2, 6);

    const { wrapper } = mountWithApi(TravelSavedBanner, {}, { saved });
    await flushPromises();
    const lines = wrapper.findAll('[data-testid="trip-saved-entry"]').map((l) => l.text().replace(/\s+/g, ' ')); // no-break spaces in figures
    expect(lines).toEqual(['Saved: GVA → JFK — 1.62 t', 'Saved: JFK → GVA — 1.62 t']);
    expect(wrapper.text().replace(/\s+/g, ' ')).toContain('Saved both journeys — 3.23 t in all');
  });

  it('when round trip is off, then one entry is created; an edit replaces the entry', async () => {
    const fetch = fakeFetch({
      [`POST ${base}/train/entries`]: { status: 201, body: entryFixture('cccccccc-0000-4000-8000-000000000001', 'train', {}, 8.7) },
      [`PATCH ${base}/train/entries/cccccccc-0000-4000-8000-000000000001`]: { body: entryFixture('cccccccc-0000-4000-8000-000000000001', 'train', {}, 9.1) },
    });
    const api = createApiClient({ fetch });
    const trainData = { ...placeFields('train', lausanne, zurich), user_institutional_id: '1', cabin_class: 'second', number_of_trips: 1 };
    expect(trainData).toMatchObject({ origin_name: 'Lausanne', origin_location_key: 'CH:lausanne', destination_country_code: 'CH' });
    const created = await saveTrip(api, { unit: 'LAB-CARBON', year: 2025, type: 'train', id: null, roundTrip: false }, trainData, null);
    expect(created.entries).toHaveLength(1);
    const edited = await saveTrip(api, { unit: 'LAB-CARBON', year: 2025, type: 'train', id: 'cccccccc-0000-4000-8000-000000000001', roundTrip: true }, trainData, null);
    expect(edited.kgCo2eq).toBe(9.1);
    expect(fetch.calls.map((c) => c.init.method)).toEqual(['POST', 'PATCH']);
  });

  it('an edited or duplicated trip starts from the entry’s places and fields', () => {
    const draft = draftOfEntry('plane', { data, note: 'x' });
    expect(draft.origin?.code).toBe('GVA');
    expect(draft.data).toEqual({ user_institutional_id: '100002', cabin_class: 'economy', number_of_trips: 1 });
    expect(placeFields('plane', gva, jfk)).toEqual({ origin_iata: 'GVA', destination_iata: 'JFK' });
    expect(placeFields('train', draftOfEntry('train', { data: { origin_name: 'Genève', origin_country_code: 'CH' }, note: null }).origin, null)).toMatchObject({ origin_name: 'Genève', origin_country_code: 'CH', origin_location_key: undefined });
  });
});
