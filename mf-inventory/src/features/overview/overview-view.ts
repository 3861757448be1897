import type { ModuleStatus, Report } from '@co2/contracts';
import { INVENTORY_MODULES, type InventoryModuleId } from './modules.js';

/** What one module card shows. `totalKgCo2eq`/`entryCount` are `null` when the caller may not see them. */
export interface ModuleCardView {
  id: InventoryModuleId;
  status: ModuleStatus;
  enabled: boolean;
  /** The report lists the module for this user (a standard user's report has only their modules). */
  visible: boolean;
  totalKgCo2eq: number | null;
  entryCount: number | null;
}

/** The eight cards in the inventory's order, from the report (a module the report omits counts as not started). */
export function moduleCards(report: Report): ModuleCardView[] {
  return INVENTORY_MODULES.map((id) => {
    const m = report.modules.find((x) => x.module === id);
    return {
      id,
      status: m?.status ?? 'not_started',
      enabled: m?.enabled ?? true,
      visible: m !== undefined,
      totalKgCo2eq: m?.totalKgCo2eq ?? null,
      entryCount: m?.entryCount ?? null,
    };
  });
}

/** "k of n validated": validated modules among those the year's configuration enables (and the user sees). */
export function validationProgress(report: Report): { validated: number; of: number } {
  const enabled = moduleCards(report).filter((c) => c.enabled && c.visible);
  return { validated: enabled.filter((c) => c.status === 'validated').length, of: enabled.length };
}
