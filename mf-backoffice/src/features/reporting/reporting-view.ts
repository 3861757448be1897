// Pure view-model functions of the reporting page: its address state, the API query, the rows' figures.
import { MODULES, type ModuleKey, type ReportingRow } from '@co2/contracts';
import type { ServerTableDefaults } from '@co2/ui';

export type ReportingFilterName = 'unit' | 'status' | 'module' | 'moduleStatus' | 'q';
export const REPORTING_TABLE: ServerTableDefaults<ReportingFilterName> = { pageSize: 25, filters: { unit: null, status: null, module: null, moduleStatus: null, q: null } };
export const REPORTING_PAGE_SIZES = [10, 25, 50, 100] as const;
export const STATUSES = ['validated', 'in_progress', 'not_started'] as const;
export const MODULE_KEYS = Object.keys(MODULES) as ModuleKey[];

/** `in_progress` → `inProgress`, `professional-travel` → `professionalTravel` (message keys). */
export const camel = (id: string) => id.replace(/[-/_]([a-z])/g, (_, c: string) => c.toUpperCase());

/** The filters core-api takes (a module status only together with its module); the year from the picker. */
export function reportingFilters(filters: Record<ReportingFilterName, string | null>, year: number): URLSearchParams {
  const search = new URLSearchParams({ year: String(year) });
  if (filters.unit) search.set('unit', filters.unit);
  if (filters.status && (STATUSES as readonly string[]).includes(filters.status)) search.set('status', filters.status);
  if (filters.module && filters.moduleStatus && (MODULE_KEYS as string[]).includes(filters.module)) {
    search.set('module', filters.module);
    search.set('moduleStatus', filters.moduleStatus);
  }
  if (filters.q) search.set('q', filters.q);
  return search;
}

export function reportingSearch(query: { page: number; pageSize: number; filters: Record<ReportingFilterName, string | null> }, year: number): URLSearchParams {
  const search = reportingFilters(query.filters, year);
  search.set('page', String(query.page));
  search.set('pageSize', String(query.pageSize));
  return search;
}

/** The module with the most tonnes of a lab (its largest category), `null` when nothing is counted yet. */
export function largestModule(row: Pick<ReportingRow, 'modules'>): { module: ModuleKey; tonnes: number } | null {
  const top = [...row.modules].sort((a, b) => b.tonnesCo2eq - a.tonnesCo2eq)[0];
  return top && top.tonnesCo2eq > 0 ? { module: top.module, tonnes: top.tonnesCo2eq } : null;
}

/** Share of the labs whose report is validated, in whole percent (`null` without labs). */
export function completionPercent(summary: { labs: number; validatedLabs: number }): number | null {
  return summary.labs === 0 ? null : Math.round((summary.validatedLabs / summary.labs) * 100);
}

/** The portal address of a lab's dashboard for the year (the shell opens it with that unit and year). */
export const dashboardPath = (unit: string, year: number) => `/dashboard?${new URLSearchParams({ unit, year: String(year) })}`;
