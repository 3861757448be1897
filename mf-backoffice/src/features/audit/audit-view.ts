// Pure view-model functions of the audit page: its address state, the API query, and a record's before/after diff.
import type { ServerTableDefaults } from '@co2/ui';

export type AuditFilterName = 'actor' | 'action' | 'entityType' | 'from' | 'to' | 'q';
export const AUDIT_TABLE: ServerTableDefaults<AuditFilterName> = { pageSize: 25, filters: { actor: null, action: null, entityType: null, from: null, to: null, q: null } };
export const AUDIT_PAGE_SIZES = [10, 25, 50, 100] as const;
/** Entity types the application writes (the filter offers them; any other text is accepted from the address). */
export const ENTITY_TYPES = ['entry', 'factor', 'module', 'year_configuration', 'submodule', 'import', 'unit'] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The query core-api takes: dates (YYYY-MM-DD, the user's day in UTC) become an ISO range, `to` inclusive of its day. */
export function auditSearch(query: { page: number; pageSize: number; filters: Record<AuditFilterName, string | null> }): URLSearchParams {
  const { actor, action, entityType, from, to, q } = query.filters;
  const search = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
  if (actor) search.set('actor', actor);
  if (action) search.set('action', action);
  if (entityType) search.set('entityType', entityType);
  if (from && DATE.test(from)) search.set('from', `${from}T00:00:00Z`);
  if (to && DATE.test(to)) search.set('to', new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString());
  if (q) search.set('q', q);
  return search;
}

export interface DiffRow {
  path: string;
  before: string;
  after: string;
  change: 'added' | 'removed' | 'changed' | 'same';
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `{ a: { b: 1 } }` → `{ 'a.b': 1 }`; arrays and scalars are leaves. */
export function flatten(value: unknown, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  if (!isObject(value)) {
    if (prefix !== '' || value !== null) into[prefix || '(value)'] = value;
    return into;
  }
  for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

const shown = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** Every field of a record's before and after, with what happened to it; unchanged fields last. */
export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  const b = flatten(before);
  const a = flatten(after);
  const rows = [...new Set([...Object.keys(b), ...Object.keys(a)])].map((path): DiffRow => {
    const change = !(path in b) ? 'added' : !(path in a) ? 'removed' : JSON.stringify(b[path]) === JSON.stringify(a[path]) ? 'same' : 'changed';
    return { path, before: shown(b[path]), after: shown(a[path]), change };
  });
  return [...rows.filter((r) => r.change !== 'same'), ...rows.filter((r) => r.change === 'same')];
}
