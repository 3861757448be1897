import type { ModuleKey, YearConfiguration, YearConfigurationBody, YearList } from '@co2/contracts';
import { errors } from '../../errors/index.js';
import { isGlobalAdmin, type Principal } from '../identity/principal.js';
import { resolveYearConfiguration, type StoredYearConfiguration, type YearConfigurationReader } from './year-configuration.js';

export interface YearConfigurationStore extends YearConfigurationReader {
  list(): Promise<StoredYearConfiguration[]>;
  put(year: number, body: YearConfigurationBody, actor: { id: string; subject: string }): Promise<StoredYearConfiguration>;
}

/** Years for the year picker: open ones for everybody; administrators see every configured year. */
export function createListYears(deps: { years: Pick<YearConfigurationStore, 'list'> }) {
  return async (principal: Principal): Promise<YearList> => {
    const all = await deps.years.list();
    const visible = isGlobalAdmin(principal.grants) ? all : all.filter((y) => y.openToUsers);
    return { years: visible.map((y) => ({ year: y.year, openToUsers: y.openToUsers })).sort((a, b) => b.year - a.year) };
  };
}

export function createGetYearConfiguration(deps: { years: YearConfigurationReader }) {
  return async (year: number): Promise<YearConfiguration> => resolveYearConfiguration(year, await deps.years.get(year));
}

/** Replaces a year's configuration (the route admits administrators only); the write is audited. */
export function createPutYearConfiguration(deps: { years: Pick<YearConfigurationStore, 'put'> }) {
  return async (principal: Principal, year: number, body: YearConfigurationBody): Promise<YearConfiguration> =>
    resolveYearConfiguration(year, await deps.years.put(year, body, { id: principal.user.id, subject: principal.user.subject }));
}

/**
 * Entry writes and status changes are refused (422 `year_closed`) unless the year is open to users; entry writes
 * also when the year's configuration disables their module or submodule (422 `module_disabled`).
 */
export function createAssertYearOpen(deps: { years: YearConfigurationReader }) {
  return async (year: number, target?: { module: ModuleKey; submodule: string }): Promise<void> => {
    const stored = await deps.years.get(year);
    if (!stored?.openToUsers) throw errors.yearClosed(year);
    if (!target) return;
    const module = resolveYearConfiguration(year, stored).modules[target.module];
    if (module && !module.enabled) throw errors.moduleDisabled(`the ${target.module} module`, year);
    if (module?.submodules[target.submodule]?.enabled === false) throw errors.moduleDisabled(`${target.module}/${target.submodule}`, year);
  };
}
export type AssertYearOpen = ReturnType<typeof createAssertYearOpen>;
