// Pure view-model functions of the factors pages: labels, the list's address state, the edit form's schema built
// from a factor's own value keys, the body sent back, and the history's before/after differences.
import { factorFormContract, SUBMODULE_KEYS, type AuditRecord, type Factor, type FactorFormShape, type SubmoduleKey } from '@co2/contracts';
import type { ServerTableDefaults } from '@co2/ui';

export type FactorFilterName = 'submodule' | 'q';
export const FACTORS_TABLE: ServerTableDefaults<FactorFilterName> = { pageSize: 25, filters: { submodule: null, q: null } };
export const FACTOR_PAGE_SIZES = [10, 25, 50, 100] as const;

export type Scalar = string | number | boolean | null;

export const camel = (id: string) => id.replace(/[-/]([a-z])/g, (_, c: string) => c.toUpperCase());
/** `professional-travel/plane` → `factors.submodule.professionalTravelPlane`. */
export const submoduleKey = (submodule: string) => `factors.submodule.${camel(submodule)}`;
export const isSubmodule = (value: string | null): value is SubmoduleKey => value !== null && (SUBMODULE_KEYS as string[]).includes(value);
export const moduleOf = (submodule: string) => submodule.split('/')[0] ?? submodule;

/** The list query core-api takes (`year` from the portal's year picker). */
export function factorSearch(query: { page: number; pageSize: number; filters: Record<FactorFilterName, string | null> }, year: number | null): URLSearchParams {
  const search = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
  if (year !== null) search.set('year', String(year));
  if (isSubmodule(query.filters.submodule)) search.set('submodule', query.filters.submodule);
  if (query.filters.q) search.set('q', query.filters.q);
  return search;
}

/** `{ category: 'x', cabin_class: 'y' }` → `category: x · cabin_class: y`. */
export function pairsText(record: Record<string, Scalar>, format: (value: Scalar) => string = String): string {
  const pairs = Object.entries(record).filter(([, v]) => v !== null && v !== '');
  return pairs.length ? pairs.map(([k, v]) => `${k}: ${format(v)}`).join(' · ') : '—';
}

export type { FactorFormShape };

/** The keys of a factor (or of a sample factor of the submodule, for a new one). */
export function formShapeOf(factor: Pick<Factor, 'classification' | 'values'>): FactorFormShape {
  return { classificationKeys: Object.keys(factor.classification), valueKeys: Object.keys(factor.values), sample: factor.values };
}

/** The edit form's contract (owned by the contracts: the same zod as the rest of the portal). */
export const factorFormSchema = factorFormContract;

/** The form's model of a factor. */
export function factorFormModel(factor: Pick<Factor, 'classification' | 'values' | 'unit' | 'source'>): Record<string, unknown> {
  const model: Record<string, unknown> = { unit: factor.unit ?? '', source: factor.source ?? '' };
  for (const [key, value] of Object.entries(factor.classification)) model[`c__${key}`] = value === null ? '' : String(value);
  for (const [key, value] of Object.entries(factor.values)) model[`v__${key}`] = value;
  return model;
}

/** What the form gives, as the factor's parts (blank classification values are dropped, blank unit/source are null). */
export function factorFromForm(data: Record<string, unknown>): { classification: Record<string, Scalar>; values: Record<string, Scalar>; unit: string | null; source: string | null } {
  const classification: Record<string, Scalar> = {};
  const values: Record<string, Scalar> = {};
  for (const [name, value] of Object.entries(data)) {
    if (name.startsWith('c__') && typeof value === 'string' && value.trim() !== '') classification[name.slice(3)] = value.trim();
    if (name.startsWith('v__')) values[name.slice(3)] = (value ?? null) as Scalar;
  }
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  return { classification, values, unit: text(data.unit), source: text(data.source) };
}

/** The PATCH body: only what differs from the stored factor (classification changes re-run every lookup). */
export function factorChanges(before: Factor, after: ReturnType<typeof factorFromForm>) {
  const body: { classification?: Record<string, Scalar>; values?: Record<string, Scalar>; unit?: string | null; source?: string | null } = {};
  if (JSON.stringify(before.classification) !== JSON.stringify(after.classification)) body.classification = after.classification;
  if (JSON.stringify(before.values) !== JSON.stringify(after.values)) body.values = after.values;
  if ((before.unit ?? null) !== after.unit) body.unit = after.unit;
  if ((before.source ?? null) !== after.source) body.source = after.source;
  return body;
}

export interface FactorChangeRow {
  field: string;
  before: Scalar | undefined;
  after: Scalar | undefined;
}

const asRecord = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const asScalar = (v: unknown): Scalar | undefined => (v === undefined ? undefined : v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as Scalar) : JSON.stringify(v));

/** The fields an audit record of a factor changed (values, classification, unit, source, emission type), before → after. */
export function factorChangeRows(record: Pick<AuditRecord, 'before' | 'after'>): FactorChangeRow[] {
  const before = asRecord(record.before);
  const after = asRecord(record.after);
  const rows: FactorChangeRow[] = [];
  for (const part of ['values', 'classification'] as const) {
    const b = asRecord(before[part]);
    const a = asRecord(after[part]);
    for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
      if (JSON.stringify(b[key]) !== JSON.stringify(a[key])) rows.push({ field: `${part}.${key}`, before: asScalar(b[key]), after: asScalar(a[key]) });
    }
  }
  for (const key of ['unit', 'source', 'emissionType'] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) rows.push({ field: key, before: asScalar(before[key]), after: asScalar(after[key]) });
  }
  return rows;
}
