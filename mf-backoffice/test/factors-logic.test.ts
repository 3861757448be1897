import { describe, expect, it } from 'vitest';
import type { Factor } from '@co2/contracts';
import { isGlobalAdmin, mayUse } from '../src/app/access.js';
import { factorChangeRows, factorChanges, factorFormModel, factorFormSchema, factorFromForm, factorSearch, formShapeOf, pairsText } from '../src/features/factors/factor-view.js';

const plane: Factor = {
  id: '11111111-1111-4111-8111-111111111111',
  year: 2025,
  submodule: 'professional-travel/plane',
  emissionType: null,
  classification: { category: 'short_to_medium_haul', cabin_class: 'economy' },
  values: { ef_kg_co2eq_per_km: 0.2906, rfi_adjustment: 1.35 },
  unit: 'kg CO2-eq/km',
  source: 'mobitool',
  relativeUncertainty: null,
  updatedAt: '2026-12-01T10:00:00.000Z',
};

describe('factor form', () => {
  it('when a factor is edited, then its keys become typed fields and only what changed is sent back', () => {
    const schema = factorFormSchema(formShapeOf(plane));
    const model = factorFormModel(plane);
    expect(model).toMatchObject({ c__category: 'short_to_medium_haul', v__ef_kg_co2eq_per_km: 0.2906, unit: 'kg CO2-eq/km' });
    expect(schema.safeParse({ ...model, v__ef_kg_co2eq_per_km: 'x' }).success).toBe(false);
    const data = schema.parse({ ...model, v__ef_kg_co2eq_per_km: 0.31 }) as Record<string, unknown>;
    expect(factorChanges(plane, factorFromForm(data))).toEqual({ values: { ef_kg_co2eq_per_km: 0.31, rfi_adjustment: 1.35 } });
  });

  it('when the classification or source changes, then they are sent; blank texts become null or are dropped', () => {
    const parts = factorFromForm({ ...factorFormModel(plane), c__cabin_class: 'business', source: '  ' });
    expect(factorChanges(plane, parts)).toEqual({ classification: { category: 'short_to_medium_haul', cabin_class: 'business' }, source: null });
    expect(factorFromForm({ c__category: ' ', v__a: 1 }).classification).toEqual({});
  });
});

describe('factor history and list', () => {
  it('when an audit record changed one value, then one row shows it before and after', () => {
    const before = { values: plane.values, classification: plane.classification, unit: plane.unit, source: plane.source };
    const after = { ...before, values: { ...plane.values, ef_kg_co2eq_per_km: 0.4 } };
    expect(factorChangeRows({ before, after })).toEqual([{ field: 'values.ef_kg_co2eq_per_km', before: 0.2906, after: 0.4 }]);
    expect(factorChangeRows({ before: null, after: { values: { a: 1 }, unit: 'kg' } })).toEqual([
      { field: 'values.a', before: undefined, after: 1 },
      { field: 'unit', before: undefined, after: 'kg' },
    ]);
  });

  it('builds the list query from the address and the picked year; unknown submodules are left out', () => {
    expect(factorSearch({ page: 2, pageSize: 25, filters: { submodule: 'professional-travel/plane', q: 'eco' } }, 2025).toString()).toBe('page=2&pageSize=25&year=2025&submodule=professional-travel%2Fplane&q=eco');
    expect(factorSearch({ page: 1, pageSize: 25, filters: { submodule: 'nope', q: null } }, 2025).toString()).toBe('page=1&pageSize=25&year=2025');
    expect(pairsText(plane.classification)).toBe('category: short_to_medium_haul · cabin_class: economy');
    expect(pairsText({})).toBe('—');
  });
});

describe('access', () => {
  it('admin pages are for global administrators only', () => {
    expect(isGlobalAdmin(['backoffice.admin@global'])).toBe(true);
    expect(isGlobalAdmin(['backoffice.metier@affiliation:ENV'])).toBe(false);
    expect(mayUse('admin', ['backoffice.metier@affiliation:ENV'])).toBe(false);
    expect(mayUse('backoffice', ['backoffice.metier@affiliation:ENV'])).toBe(true);
    expect(mayUse(undefined, [])).toBe(true);
  });
});
