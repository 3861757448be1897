import { MODULES, type ModuleKey, type ModuleStatus, type ReportingExport, type ReportingExportQuery, type ReportingPage, type ReportingQuery, type ReportingRow, type RoleGrant } from '@co2/contracts';
import { errors } from '../../errors/index.js';
import type { Principal } from '../identity/principal.js';
import type { UnitModuleTotal } from '../reports/report.js';
import type { Unit, UnitScope } from '../units/unit.js';
import { toCsv } from './csv.js';

const MODULE_KEYS = Object.keys(MODULES) as ModuleKey[];

/** Reporting sees units only through back-office grants: metier → its affiliation subtrees, admin → everything. */
export function reportingScope(grants: readonly RoleGrant[]): UnitScope | null {
  if (grants.some((g) => g.role === 'backoffice.admin' && g.scope.kind === 'global')) return { kind: 'all' };
  const roots = grants.flatMap((g) => (g.role.startsWith('backoffice.') && g.scope.kind !== 'global' ? [g.scope.unitCode] : []));
  return roots.length > 0 ? { kind: 'some', codes: [], subtreeRoots: [...new Set(roots)] } : null;
}

const inScope = (scope: UnitScope, unit: Pick<Unit, 'code' | 'path'>) =>
  scope.kind === 'all' || scope.codes.includes(unit.code) || scope.subtreeRoots.some((root) => unit.path.includes(root));

/** One lab's row: module statuses and validated tonnes (additional categories excluded), the report's status. */
export function toReportingRow(unit: Unit, modules: readonly UnitModuleTotal[]): ReportingRow {
  const byModule = new Map(modules.map((m) => [m.module, m]));
  const rows = MODULE_KEYS.map((module) => {
    const m = byModule.get(module);
    return { module, status: (m?.status ?? 'not_started') as ModuleStatus, tonnesCo2eq: m ? (m.totalKg - m.additionalKg) / 1000 : 0 };
  });
  const validated = rows.filter((r) => r.status === 'validated');
  const status = validated.length === rows.length ? 'validated' : rows.every((r) => r.status === 'not_started') ? 'not_started' : 'in_progress';
  return {
    unit: { code: unit.code, name: unit.name, parentCode: unit.parentCode, path: unit.path },
    status,
    validatedModules: validated.length,
    validatedTonnesCo2eq: validated.reduce((s, r) => s + r.tonnesCo2eq, 0),
    modules: rows,
  };
}

export interface ReportingDeps {
  units: { list(scope: UnitScope, filter: { level?: number }): Promise<Unit[]>; findByCode(code: string): Promise<Unit | undefined> };
  reports: { moduleTotals(unitIds: string[], year: number): Promise<UnitModuleTotal[]> };
}

/** Scope → labs (under the asked unit) → their module totals of the year → rows → filters. */
async function matchingRows(deps: ReportingDeps, principal: Principal, query: ReportingExportQuery): Promise<ReportingRow[]> {
  const scope = reportingScope(principal.grants);
  if (!scope) throw errors.forbidden('reporting (back-office roles only)');
  let labs = await deps.units.list(scope, { level: 4 });
  if (query.unit) {
    const root = await deps.units.findByCode(query.unit);
    if (!root || !inScope(scope, root)) throw errors.notFound(`unit ${query.unit}`);
    labs = labs.filter((lab) => lab.path.includes(root.code));
  }
  const totals = await deps.reports.moduleTotals(labs.map((l) => l.id), query.year);
  const byUnit = new Map<string, UnitModuleTotal[]>();
  for (const t of totals) byUnit.set(t.unitId, [...(byUnit.get(t.unitId) ?? []), t]);
  return labs
    .map((lab) => toReportingRow(lab, byUnit.get(lab.id) ?? []))
    .filter((r) => !query.status || r.status === query.status)
    .filter((r) => !query.module || !query.moduleStatus || r.modules.find((m) => m.module === query.module)?.status === query.moduleStatus)
    .filter((r) => !query.q || matchesText(r, query.q));
}

/** The text search of the reporting page: in the lab's code or name, or its parent's code. */
function matchesText(row: ReportingRow, text: string): boolean {
  const needle = text.toLocaleLowerCase();
  return [row.unit.code, row.unit.name, row.unit.parentCode ?? ''].some((field) => field.toLocaleLowerCase().includes(needle));
}

export function createGetReporting(deps: ReportingDeps) {
  return async (principal: Principal, query: ReportingQuery): Promise<ReportingPage> => {
    const rows = await matchingRows(deps, principal, query);
    const count = (status: ReportingRow['status']) => rows.filter((r) => r.status === status).length;
    return {
      year: query.year,
      items: rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize),
      total: rows.length,
      page: query.page,
      pageSize: query.pageSize,
      summary: {
        labs: rows.length,
        validatedLabs: count('validated'),
        inProgressLabs: count('in_progress'),
        notStartedLabs: count('not_started'),
        validatedTonnesCo2eq: rows.reduce((s, r) => s + r.validatedTonnesCo2eq, 0),
      },
    };
  };
}

/** The same rows as CSV: one line per lab, a status and a tonnes column per module. */
export function createExportReporting(deps: ReportingDeps) {
  return async (principal: Principal, query: ReportingExportQuery): Promise<string> => {
    const rows = await matchingRows(deps, principal, query);
    const header = ['unit_code', 'unit_name', 'parent_code', 'year', 'status', 'validated_modules', 'validated_t_co2eq', ...MODULE_KEYS.flatMap((m) => [`${m}_status`, `${m}_t_co2eq`])];
    const lines = rows.map((r) => [
      r.unit.code, r.unit.name, r.unit.parentCode ?? '', query.year, r.status, r.validatedModules, r.validatedTonnesCo2eq,
      ...r.modules.flatMap((m) => [m.status, m.tonnesCo2eq]),
    ]);
    return toCsv([header, ...lines]);
  };
}

/** The same rows as JSON. */
export function createExportReportingJson(deps: ReportingDeps) {
  return async (principal: Principal, query: ReportingExportQuery): Promise<ReportingExport> => ({ year: query.year, items: await matchingRows(deps, principal, query) });
}
