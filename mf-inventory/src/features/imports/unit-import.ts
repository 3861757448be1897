import type { ImportCatalogue } from '@co2/contracts';
import { parseRoleClaims } from '@co2/shell-sdk';

export type DataFormatEntry = ImportCatalogue['data'][number];

/** The data format whose unit-specific (append) import fills this submodule, per the catalogue's `targets`. */
export function formatFor(catalogue: ImportCatalogue, submodule: string): DataFormatEntry | null {
  return catalogue.data.find((d) => d.targets.includes(submodule) && d.modes.includes('unit-specific')) ?? null;
}

/** For each unit-specific format filling some of these submodules, the first submodule it fills (one import per format). */
export function moduleImportTargets(catalogue: ImportCatalogue, submodules: readonly string[]): string[] {
  const targets: string[] = [];
  const seen = new Set<string>();
  for (const submodule of submodules) {
    const format = formatFor(catalogue, submodule);
    if (format && !seen.has(format.format)) {
      seen.add(format.format);
      targets.push(submodule);
    }
  }
  return targets;
}

/** Whether the user is the principal of the unit (the only role that may append a unit's CSV). */
export function isPrincipalOf(roles: readonly string[], unitCode: string | null): boolean {
  if (!unitCode) return false;
  return parseRoleClaims(roles).some((g) => g.role === 'user.principal' && g.scope.kind === 'unit' && g.scope.unitCode === unitCode);
}

export interface UnitImport {
  format: string;
  unitCode: string;
  year: number;
  dryRun: boolean;
}

/**
 * The multipart body of a unit-specific import. The submodule is not sent: a format may fill several
 * submodules (equipment: scientific, IT, other) and the file's rows say which.
 */
export function unitImportForm(choice: UnitImport, file: File): FormData {
  const form = new FormData();
  form.set('kind', 'data');
  form.set('format', choice.format);
  form.set('mode', 'unit-specific');
  form.set('year', String(choice.year));
  form.set('unitCode', choice.unitCode);
  form.set('dryRun', String(choice.dryRun));
  form.set('file', file, file.name);
  return form;
}

export function templateQuery(format: string): string {
  return new URLSearchParams({ kind: 'data', format, mode: 'unit-specific' }).toString();
}

/** Message key of what is wrong with the picked file, or null. */
export function fileProblem(file: File | null, maxUploadBytes: number): string | null {
  if (!file) return 'imports.required';
  if (!/\.csv$/i.test(file.name)) return 'imports.csvOnly';
  if (file.size > maxUploadBytes) return 'imports.tooLarge';
  return null;
}
