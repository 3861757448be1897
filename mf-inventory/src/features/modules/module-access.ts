import type { ModuleKey, Report } from '@co2/contracts';

/** Modules a unit's standard user takes part in (their own trips, the unit's cloud and AI); the rest is the principal's. */
export const MEMBER_MODULES: readonly ModuleKey[] = ['professional-travel', 'external-cloud-ai'];

export interface ModuleAccess {
  /** The entries can be listed by this user. */
  canRead: boolean;
  /** Add, edit, delete: the year is open and the user may write the module. */
  canWrite: boolean;
  /** Validate / reopen: principals of the unit, open year, module enabled. */
  canValidate: boolean;
}

/** What the user may do on a module page, as core-api enforces it (the page only avoids offering what would fail). */
export function moduleAccess(module: ModuleKey, report: Pick<Report, 'open'>, principal: boolean): ModuleAccess {
  const canRead = principal || MEMBER_MODULES.includes(module);
  const writable = report.open && canRead && module !== 'research-facilities';
  return { canRead, canWrite: writable, canValidate: principal && report.open };
}
