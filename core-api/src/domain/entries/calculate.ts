import type { SubmoduleKey } from '@co2/contracts';
import { errors } from '../../errors/index.js';
import { computeEntry, type EntryResult } from '../modules/engine.js';
import { referenceNeeds, type ReferenceNeeds } from '../modules/reference-needs.js';
import type { YearConfigurationReader } from '../years/year-configuration.js';
import { DEFAULT_SETTINGS, type Factor, type ReferenceData, type SubmoduleDefinition } from '../modules/types.js';

export interface CalculateDeps {
  factors: { forYear(year: number, submodule: SubmoduleKey): Promise<Factor[]> };
  reference: { snapshot(needs: ReferenceNeeds, year: number): Promise<ReferenceData> };
  years: YearConfigurationReader;
}

/** Validates an entry's data with its submodule's schema: 400 naming `body.data.<field>`, else the normalised data. */
export function validateEntryData(definition: SubmoduleDefinition, data: unknown): Record<string, unknown> {
  const parsed = definition.schema.safeParse(data);
  if (!parsed.success) {
    throw errors.validationFailed(parsed.error.issues.map((i) => ({ path: ['body', 'data', ...i.path].join('.'), message: i.message })));
  }
  return parsed.data as Record<string, unknown>;
}

/** Loads what the engine needs for one entry (the year's factors of its submodule, reference rows, working days) and computes it. */
export function createCalculateEntry(deps: CalculateDeps) {
  return async (definition: SubmoduleDefinition, data: Record<string, unknown>, year: number, override?: number): Promise<EntryResult> => {
    const [factors, reference, yearConfig] = await Promise.all([
      deps.factors.forYear(year, definition.key),
      deps.reference.snapshot(referenceNeeds(definition.key, data), year),
      deps.years.get(year),
    ]);
    const settings = { ...DEFAULT_SETTINGS, ...(yearConfig?.config.workingDaysPerYear ? { workingDaysPerYear: yearConfig.config.workingDaysPerYear } : {}) };
    const lookup = { factorsFor: (submodule: SubmoduleKey) => (submodule === definition.key ? factors : []) };
    return computeEntry(definition, data, lookup, { year, reference, settings, override });
  };
}

export type CalculateEntry = ReturnType<typeof createCalculateEntry>;
