import type { ImportCatalogue, ImportKind, ImportMode } from '@co2/contracts';

/** What the upload form describes (besides the file). `format` is the data format or the reference kind. */
export interface ImportChoice {
  kind: ImportKind;
  format: string | null;
  submodule: string | null;
  mode: ImportMode;
  year: number | null;
  unitCode: string;
  dryRun: boolean;
}

export function initialChoice(year: number | null, unitCode: string | null, isAdmin: boolean): ImportChoice {
  return { kind: 'data', format: null, submodule: null, mode: isAdmin ? 'per-year' : 'unit-specific', year, unitCode: unitCode ?? '', dryRun: false };
}

/** The kinds a role may upload: administrators everything, others unit data only. */
export function kindsFor(isAdmin: boolean): ImportKind[] {
  return isAdmin ? ['data', 'factors', 'reference'] : ['data'];
}

/** The values of the second select (data format, factor submodule or reference kind) offered by the catalogue. */
export function targetsOf(catalogue: ImportCatalogue, choice: Pick<ImportChoice, 'kind' | 'mode'>): string[] {
  switch (choice.kind) {
    case 'data':
      return catalogue.data.filter((d) => d.modes.includes(choice.mode)).map((d) => d.format);
    case 'factors':
      return catalogue.factors.map((f) => f.submodule);
    case 'reference':
      return catalogue.reference.map((r) => r.kind);
  }
}

/** The selected value of the second select, whichever field carries it. */
export function targetOf(choice: ImportChoice): string | null {
  return choice.kind === 'factors' ? choice.submodule : choice.format;
}

/** Sets the second select's value on the field the API expects (`submodule` for factors, `format` otherwise). */
export function withTarget(choice: ImportChoice, target: string | null): ImportChoice {
  return choice.kind === 'factors' ? { ...choice, submodule: target, format: null } : { ...choice, format: target, submodule: null };
}

/** Which fields the chosen kind uses (the rest are hidden and not sent). */
export function usesYear(kind: ImportKind): boolean {
  return kind !== 'reference';
}

export function usesUnit(choice: Pick<ImportChoice, 'kind' | 'mode'>): boolean {
  return choice.kind === 'data' && choice.mode === 'unit-specific';
}

/** Query string of `GET /v1/imports/template` for the current choice, or null while it is incomplete. */
export function templateQuery(choice: ImportChoice): string | null {
  const target = targetOf(choice);
  if (!target) return null;
  const query = new URLSearchParams({ kind: choice.kind });
  if (choice.kind === 'factors') query.set('submodule', target);
  else query.set('format', target);
  if (choice.kind === 'data') query.set('mode', choice.mode);
  return query.toString();
}

/** The multipart body of `POST /v1/imports`: only the fields the kind uses, the file last. */
export function importForm(choice: ImportChoice, file: File): FormData {
  const form = new FormData();
  form.set('kind', choice.kind);
  const target = targetOf(choice);
  if (target) form.set(choice.kind === 'factors' ? 'submodule' : 'format', target);
  if (choice.kind === 'data') form.set('mode', choice.mode);
  if (usesYear(choice.kind) && choice.year !== null) form.set('year', String(choice.year));
  if (usesUnit(choice) && choice.unitCode.trim()) form.set('unitCode', choice.unitCode.trim());
  form.set('dryRun', String(choice.dryRun));
  form.set('file', file, file.name);
  return form;
}

/** Problems the form can see before uploading (the server checks again): field → message key. */
export function choiceProblems(choice: ImportChoice, file: File | null, maxUploadBytes: number): Partial<Record<'format' | 'year' | 'unitCode' | 'file', string>> {
  const problems: Partial<Record<'format' | 'year' | 'unitCode' | 'file', string>> = {};
  if (!targetOf(choice)) problems.format = 'imports.form.required';
  if (usesYear(choice.kind) && (choice.year === null || choice.year < 2000 || choice.year > 2100)) problems.year = 'imports.form.yearRange';
  if (usesUnit(choice) && !choice.unitCode.trim()) problems.unitCode = 'imports.form.required';
  if (!file) problems.file = 'imports.form.required';
  else if (!/\.csv$/i.test(file.name)) problems.file = 'imports.form.csvOnly';
  else if (file.size > maxUploadBytes) problems.file = 'imports.form.tooLarge';
  return problems;
}
