import { describe, expect, it } from 'vitest';
import { auditDiff, auditSearch, flatten } from '../src/features/audit/audit-view.js';

const none = { actor: null, action: null, entityType: null, from: null, to: null, q: null };

describe('audit view', () => {
  it('when a factor value changed, then the diff lists that field first, then the unchanged ones', () => {
    const before = { values: { ef: 0.29, rfi: 1.35 }, unit: 'kg', source: null };
    const after = { values: { ef: 0.4, rfi: 1.35 }, unit: 'kg', source: 'new' };
    expect(auditDiff(before, after)).toEqual([
      { path: 'values.ef', before: '0.29', after: '0.4', change: 'changed' },
      { path: 'source', before: 'null', after: 'new', change: 'changed' },
      { path: 'values.rfi', before: '1.35', after: '1.35', change: 'same' },
      { path: 'unit', before: 'kg', after: 'kg', change: 'same' },
    ]);
  });

  it('a creation has only added fields; arrays and scalars are leaves', () => {
    expect(auditDiff(null, { a: [1, 2], b: { c: true } })).toEqual([
      { path: 'a', before: '', after: '[1,2]', change: 'added' },
      { path: 'b.c', before: '', after: 'true', change: 'added' },
    ]);
    expect(flatten(5)).toEqual({ '(value)': 5 });
    expect(flatten(null)).toEqual({});
  });

  it('turns the address into the API query: the "to" day is included, bad dates are left out', () => {
    expect(auditSearch({ page: 1, pageSize: 25, filters: { ...none, from: '2026-12-01', to: '2026-12-07', entityType: 'factor', q: 'n2o' } }).toString()).toBe(
      'page=1&pageSize=25&entityType=factor&from=2026-12-01T00%3A00%3A00Z&to=2026-12-08T00%3A00%3A00.000Z&q=n2o',
    );
    expect(auditSearch({ page: 2, pageSize: 10, filters: { ...none, from: 'yesterday' } }).toString()).toBe('page=2&pageSize=10');
  });
});
