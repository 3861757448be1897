import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { SortOrder, TablePagination } from './columns.js';

/** What a list route is asked for: the page and the filters, as the URL holds them. */
export interface ServerTableQuery<F extends string = string> extends TablePagination {
  filters: Record<F, string | null>;
}

export interface ServerTableDefaults<F extends string> {
  pageSize: number;
  sort?: string | null;
  order?: SortOrder;
  /** The filters this table keeps in the URL, with their values when absent (usually `null`). */
  filters?: Record<F, string | null>;
}

export interface QueryRules {
  /** Accepted page sizes; another `pageSize` in the URL falls back to the default. */
  pageSizes?: readonly number[];
  /** Accepted sort keys; another `sort` in the URL falls back to the default. */
  sortKeys?: readonly string[];
}

const first = (value: LocationQuery[string] | undefined): string | null => {
  const item = Array.isArray(value) ? value[0] : value;
  return typeof item === 'string' && item !== '' ? item : null;
};

/** The table state a URL query describes; anything missing or invalid takes its default. */
export function readTableQuery<F extends string>(query: LocationQuery, defaults: ServerTableDefaults<F>, rules: QueryRules = {}): ServerTableQuery<F> {
  const page = Number(first(query.page));
  const pageSize = Number(first(query.pageSize));
  const sort = first(query.sort);
  const order = first(query.order);
  const filters = Object.fromEntries(Object.entries<string | null>(defaults.filters ?? {}).map(([name, fallback]) => [name, first(query[name]) ?? fallback])) as Record<F, string | null>;
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: Number.isInteger(pageSize) && pageSize >= 1 && (!rules.pageSizes || rules.pageSizes.includes(pageSize)) ? pageSize : defaults.pageSize,
    sort: sort !== null && (!rules.sortKeys || rules.sortKeys.includes(sort)) ? sort : (defaults.sort ?? null),
    order: order === 'asc' || order === 'desc' ? order : (defaults.order ?? 'asc'),
    filters,
  };
}

/** The URL query for a table state: other keys of the query are kept, values equal to their default are left out. */
export function writeTableQuery<F extends string>(current: LocationQuery, state: ServerTableQuery<F>, defaults: ServerTableDefaults<F>): LocationQueryRaw {
  const next: LocationQueryRaw = { ...current };
  const values: Record<string, string | null> = {
    page: state.page === 1 ? null : String(state.page),
    pageSize: state.pageSize === defaults.pageSize ? null : String(state.pageSize),
    sort: state.sort === (defaults.sort ?? null) ? null : state.sort,
    order: state.order === (defaults.order ?? 'asc') ? null : state.order,
  };
  for (const name of Object.keys(defaults.filters ?? {}) as F[]) {
    const value = state.filters[name];
    values[name] = value === (defaults.filters?.[name] ?? null) || value === '' ? null : value;
  }
  for (const [key, value] of Object.entries(values)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The query as URL search parameters for a list route: paging, sort and every set filter. */
export function tableSearchParams(query: ServerTableQuery): URLSearchParams {
  const search = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize), order: query.order });
  if (query.sort) search.set('sort', query.sort);
  for (const [name, value] of Object.entries(query.filters)) if (value !== null) search.set(name, value);
  return search;
}
