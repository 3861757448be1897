import { MODULES, type ModuleConfiguration, type ModuleKey, type YearConfiguration, type YearConfigurationBody } from '@co2/contracts';
import { DEFAULT_SETTINGS } from '../modules/types.js';

/** A year's configuration as stored: the open flag beside the rest (`config`, validated by the contract on write). */
export interface StoredYearConfiguration {
  year: number;
  openToUsers: boolean;
  config: Partial<Omit<YearConfigurationBody, 'openToUsers'>>;
  updatedAt: string | null;
}

const defaultModule = (module: ModuleKey): ModuleConfiguration => ({
  enabled: true,
  uncertainty: 'none',
  submodules: Object.fromEntries(MODULES[module].map((s) => [s, { enabled: true, thresholdKg: null }])),
});

/**
 * The full configuration of a year: every module and submodule present, defaults where nothing was set
 * (closed to users, everything enabled, no thresholds, 230 working days).
 */
export function resolveYearConfiguration(year: number, stored: StoredYearConfiguration | undefined): YearConfiguration {
  const config = stored?.config ?? {};
  const modules = {} as Record<ModuleKey, ModuleConfiguration>;
  for (const module of Object.keys(MODULES) as ModuleKey[]) {
    const base = defaultModule(module);
    const set = config.modules?.[module];
    modules[module] = set ? { ...set, submodules: { ...base.submodules, ...set.submodules } } : base;
  }
  return {
    year,
    openToUsers: stored?.openToUsers ?? false,
    workingDaysPerYear: config.workingDaysPerYear ?? DEFAULT_SETTINGS.workingDaysPerYear,
    modules,
    reductionGoals: config.reductionGoals ?? [],
    updatedAt: stored?.updatedAt ?? null,
  };
}

export interface YearConfigurationReader {
  get(year: number): Promise<StoredYearConfiguration | undefined>;
}
