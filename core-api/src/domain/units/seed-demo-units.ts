import type { UnitRepository } from '../../repositories/index.js';
import { DEMO_UNITS } from './demo-units.js';
import { toUnitDrafts } from './unit-tree.js';

/** Creates or updates the demo unit hierarchy; running it again changes nothing. */
export function createSeedDemoUnits(deps: { units: Pick<UnitRepository, 'upsertByCode'> }) {
  return async (): Promise<{ units: number }> => {
    const drafts = toUnitDrafts(DEMO_UNITS);
    await deps.units.upsertByCode(drafts);
    return { units: drafts.length };
  };
}
