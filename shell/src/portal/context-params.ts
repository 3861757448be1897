// The working context in the address: `?unit=LAB-CARBON&year=2025` on every page of an area that uses it
// (docs/adr/0006-addresses.md). The shell owns these two query parameters; remotes never see them.
import type { LocationQuery } from 'vue-router';
import type { ContextParam } from './layout.js';

export const CONTEXT_PARAMS: readonly ContextParam[] = ['unit', 'year'];

export interface ContextValues {
  unit: string | null;
  year: number | null;
}

const first = (value: LocationQuery[string] | undefined): string | null => {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};

/** The context a query names (a year that is not a whole number is no year). */
export function readContextParams(query: LocationQuery): ContextValues {
  const year = first(query.year);
  return { unit: first(query.unit), year: year && /^\d{4}$/.test(year) ? Number(year) : null };
}

/** The query with the area's context parameters set from `values` (other parameters untouched). */
export function withContextParams(query: LocationQuery, params: readonly ContextParam[], values: ContextValues): LocationQuery {
  const next: LocationQuery = { ...query };
  for (const param of params) {
    const value = values[param];
    if (value === null) delete next[param];
    else next[param] = String(value);
  }
  return next;
}

/** A portal path without the shell's context parameters (what a remote sees). */
export function stripContextParams(fullPath: string): string {
  const url = new URL(fullPath, 'http://portal.invalid');
  for (const param of CONTEXT_PARAMS) url.searchParams.delete(param);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A portal path with the context parameters an area uses added (those already present are kept). */
export function addContextParams(fullPath: string, params: readonly ContextParam[], values: ContextValues): string {
  const url = new URL(fullPath, 'http://portal.invalid');
  for (const param of params) {
    const value = values[param];
    if (value !== null && !url.searchParams.has(param)) url.searchParams.set(param, String(value));
  }
  return `${url.pathname}${url.search}${url.hash}`;
}
