import type { ModuleStatusPathParams, ReportModule, SetModuleStatusBody } from '@co2/contracts';
import type { Principal } from '../identity/principal.js';
import type { AssertYearOpen } from '../years/year-use-cases.js';
import { toReportModule } from './get-report.js';
import { assertPrincipal, type ResolveLab } from './lab.js';
import type { ReportStore } from './report.js';

export interface SetModuleStatusDeps {
  resolveLab: ResolveLab;
  assertYearOpen: AssertYearOpen;
  reports: Pick<ReportStore, 'setStatus'>;
}

/** Validate / unvalidate: a visible lab → principals only → the year is open → store the status and audit it. */
export function createSetModuleStatus(deps: SetModuleStatusDeps) {
  return async (principal: Principal, path: ModuleStatusPathParams, body: SetModuleStatusBody): Promise<ReportModule> => {
    const unit = await deps.resolveLab(principal, path.unit);
    assertPrincipal(principal, unit, `the status of ${path.module}`);
    await deps.assertYearOpen(path.year);
    const actor = { id: principal.user.id, subject: principal.user.subject };
    const stored = await deps.reports.setStatus({ unitId: unit.id, year: path.year, module: path.module }, body.status, { actor, unitCode: unit.code });
    return toReportModule(path.module, stored, true);
  };
}
