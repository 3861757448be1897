import { describe, expect, it } from 'vitest';
import { describeFields, formatNumber } from '@co2/ui';
import { entryDataSchemas, SUBMODULE_KEYS, type Entry, type Taxonomy } from '@co2/contracts';
import { aboveThreshold, dataCell, entryColumns, entryLabel } from '../src/features/entries/entry-columns.js';
import { ENTRY_FORM_MESSAGES, entryFormHints, SUBMODULE_VIEWS, taxonomyOptions } from '../src/features/entries/submodule-views.js';
import { moduleAccess } from '../src/features/modules/module-access.js';
import { moduleCards, validationProgress } from '../src/features/overview/overview-view.js';
import { messages } from '../src/i18n/messages.js';
import { reportFixture } from './support.js';

const taxonomy: Taxonomy = {
  year: 2025,
  submodule: 'equipment/it',
  fields: { equipment_class: ['Laptop', 'Server'], sub_class: ['13"', 'GPU', 'Rack'] },
  classifications: [
    { equipment_class: 'Laptop', sub_class: '13"' },
    { equipment_class: 'Server', sub_class: 'GPU' },
    { equipment_class: 'Server', sub_class: 'Rack' },
  ],
};

describe('submodule hint maps', () => {
  it('every submodule column and form field has a label in every language', () => {
    for (const key of SUBMODULE_KEYS) {
      const fields = [...SUBMODULE_VIEWS[key].columns, ...describeFields(entryDataSchemas[key]).map((f) => f.name)];
      for (const locale of ['en', 'fr', 'de'] as const) {
        for (const field of fields) expect(messages[locale].fields, `${locale} ${key} ${field}`).toHaveProperty(field);
      }
    }
  });

  it('every table column is a field of the submodule’s contract', () => {
    for (const key of SUBMODULE_KEYS) {
      const fields = describeFields(entryDataSchemas[key]).map((f) => f.name);
      for (const column of SUBMODULE_VIEWS[key].columns) expect(fields, `${key} ${column}`).toContain(column);
    }
  });

  it('when the taxonomy lists classes, then the class is a dropdown and the sub-class offers only those of the chosen class', () => {
    const fields = describeFields(entryDataSchemas['equipment/it']).map((f) => f.name);
    const hints = entryFormHints('equipment/it', taxonomy, { equipment_class: 'Server' }, fields);
    expect(hints.equipment_class).toMatchObject({ widget: 'select', options: [{ value: 'Laptop' }, { value: 'Server' }] });
    expect(hints.sub_class).toMatchObject({ widget: 'select', dependsOn: ['equipment_class'], options: [{ value: 'GPU' }, { value: 'Rack' }] });
    expect(hints.active_usage_hours_per_week?.unit).toEqual({ en: 'h/week', fr: 'h/sem.', de: 'h/Woche' });
    expect(hints.name).toEqual({ label: 'fields.name' });
  });

  it('when no class is chosen yet, then every sub-class is offered; without taxonomy the fields stay free text', () => {
    expect(taxonomyOptions(taxonomy, 'sub_class', {}).map((o) => o.value)).toEqual(['13"', 'GPU', 'Rack']);
    const hints = entryFormHints('equipment/it', null, {}, ['equipment_class']);
    expect(hints.equipment_class?.widget).toBeUndefined();
  });

  it('the headcount function reads as words, the FTE has its unit, and the contract’s own rule is translated', () => {
    const hints = entryFormHints('headcount/member', null, {}, ['sius_code', 'fte']);
    expect(hints.sius_code?.options?.[0]).toEqual({ value: '51', label: { en: '51 — Professors', fr: '51 — Professeur·es', de: '51 — Professor·innen' } });
    expect(hints.fte?.unit).toEqual({ en: 'FTE', fr: 'EPT', de: 'VZÄ' });
    expect(ENTRY_FORM_MESSAGES['active + standby hours must not exceed 168 per week']).toHaveProperty('de');
  });
});

describe('entry table columns', () => {
  const entry = { id: '1', data: { name: 'Microscope', active_usage_hours_per_week: 1234.5 }, totalKgCo2eq: 1500 } as unknown as Entry;

  it('formats data and kg in the locale, and names a row by its first filled column', () => {
    const t = (key: string) => key;
    const columns = entryColumns(SUBMODULE_VIEWS['equipment/it'], t, 'fr');
    expect(columns.map((c) => c.name)).toEqual(['data-name', 'data-equipment_class', 'data-sub_class', 'data-active_usage_hours_per_week', 'data-standby_usage_hours_per_week', 'kg', 'status', 'note', 'added']);
    const kg = columns.find((c) => c.name === 'kg')!;
    expect(kg).toMatchObject({ sortable: true, sortKey: 'totalKgCo2eq' });
    expect(kg.format!(1500, entry)).toBe('1,5\u00a0t');
    expect(dataCell(1234.5, 'de')).toBe('1.234,5');
    expect(entryLabel(entry, SUBMODULE_VIEWS['equipment/it'], 'en')).toBe('Microscope');
  });

  it('a row is above the threshold only when one is set and its kg exceed it', () => {
    expect(aboveThreshold(entry, 1000)).toBe(true);
    expect(aboveThreshold(entry, 1500)).toBe(false);
    expect(aboveThreshold(entry, null)).toBe(false);
  });
});

describe('overview and access', () => {
  it('cards follow the report, a disabled module counts out of "k of n"', () => {
    const report = reportFixture() as never;
    expect(moduleCards(report).map((c) => [c.id, c.status, c.enabled])[6]).toEqual(['process-emissions', 'not_started', false]);
    expect(validationProgress(report)).toEqual({ validated: 2, of: 7 });
  });

  it('when a standard user’s report lists only their modules, then the others are marked as the principal’s and left out of k of n', () => {
    const full = reportFixture();
    const report = { ...full, modules: full.modules.filter((m) => ['professional-travel', 'external-cloud-ai'].includes(m.module)) } as never;
    const cards = moduleCards(report);
    expect(cards.filter((c) => c.visible).map((c) => c.id)).toEqual(['professional-travel', 'external-cloud-ai']);
    expect(cards.find((c) => c.id === 'equipment')).toMatchObject({ visible: false, totalKgCo2eq: null });
    expect(validationProgress(report)).toEqual({ validated: 0, of: 2 });
  });

  it('a member reads cloud and AI only; nobody writes a closed year; research facilities are view and validate', () => {
    expect(moduleAccess('equipment', { open: true }, false)).toEqual({ canRead: false, canWrite: false, canValidate: false });
    expect(moduleAccess('external-cloud-ai', { open: true }, false)).toEqual({ canRead: true, canWrite: true, canValidate: false });
    expect(moduleAccess('equipment', { open: false }, true)).toEqual({ canRead: true, canWrite: false, canValidate: false });
    expect(moduleAccess('research-facilities', { open: true }, true)).toEqual({ canRead: true, canWrite: false, canValidate: true });
  });
});

describe('headcount FTE by function', () => {
  it('sums members’ FTE per function code in code order, bars relative to the largest', async () => {
    const { fteByFunction } = await import('../src/features/headcount/fte-by-function.js');
    const member = (sius_code: string, fte: number) => ({ data: { sius_code, fte } });
    expect(fteByFunction([member('54', 1), member('51', 0.5), member('54', 0.5), member('51', 0.25)])).toEqual([
      { code: '51', fte: 0.75, share: 0.5 },
      { code: '54', fte: 1.5, share: 1 },
    ]);
    expect(fteByFunction([])).toEqual([]);
  });

  it('a function code in the table reads as words in the user’s language', async () => {
    const { enumLabel } = await import('../src/features/entries/submodule-views.js');
    expect(enumLabel('sius_code', '54', 'de')).toBe('54 — Doktorierende');
    expect(enumLabel('name', 'x', 'en')).toBeNull();
  });
});

describe('rooms: building → room from the reference data', () => {
  it('building and room become dropdowns, a room says its surface, the reference type maps to the contract’s', async () => {
    const { roomHints, roomTypeOf } = await import('../src/features/buildings/room-choice.js');
    const hints = roomHints(['BC', 'INF'], [{ buildingName: 'BC', roomName: 'BC 410', roomType: 'Office', surfaceM2: 1234.5 }], 'fr');
    expect(hints.building_name).toEqual({ widget: 'select', options: [{ value: 'BC', label: 'BC' }, { value: 'INF', label: 'INF' }] });
    expect(hints.room_name).toEqual({ widget: 'select', dependsOn: 'building_name', options: [{ value: 'BC 410', label: `BC 410 (${formatNumber(1234.5, 'fr')} m²)` }] });
    expect(roomHints([], [], 'en')).toEqual({});
    expect(roomTypeOf(' Laboratories ')).toBe('laboratories');
    expect(roomTypeOf('Cafeteria')).toBeNull();
  });
});
