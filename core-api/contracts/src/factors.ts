import { SUBMODULE_KEYS, type SubmoduleKey } from './modules/index.js';
import { z } from './zod.js';

const Year = z.coerce.number().int().min(2000).max(2100);
const Key = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a snake_case key');
const Scalar = z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()]);
export const SubmoduleKeyParam = z.enum(SUBMODULE_KEYS as [SubmoduleKey, ...SubmoduleKey[]]).openapi('SubmoduleKey', { example: 'equipment/it' });

/** An emission factor: per year and submodule, a classification (the lookup keys) → values. */
export const Factor = z
  .object({
    id: z.string().uuid(),
    year: z.number().int(),
    submodule: z.string(),
    emissionType: z.string().nullable(),
    classification: z.record(z.string(), Scalar),
    values: z.record(z.string(), Scalar),
    unit: z.string().nullable(),
    source: z.string().nullable(),
    relativeUncertainty: z.number().nullable(),
    updatedAt: z.string(),
  })
  .openapi('Factor');
export type Factor = z.infer<typeof Factor>;

export const FactorPage = z
  .object({ items: z.array(Factor), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .openapi('FactorPage');
export type FactorPage = z.infer<typeof FactorPage>;

export const ListFactorsQuery = z.strictObject({
  year: Year.optional(),
  submodule: SubmoduleKeyParam.optional(),
  /** Text search over the emission type, classification, unit and source (case-insensitive). */
  q: z.string().trim().min(1).max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListFactorsQuery = z.infer<typeof ListFactorsQuery>;

/** The recalculation a factor write started (job id and pipeline id to follow: recalculation → aggregation). */
export const RecalculationStarted = z
  .object({ jobId: z.string().uuid(), pipelineId: z.string().uuid() })
  .openapi('RecalculationStarted');
export type RecalculationStarted = z.infer<typeof RecalculationStarted>;

/** A created or changed factor, with the recalculation of the entries it feeds that the write started. */
export const FactorWritten = Factor.extend({ recalculation: RecalculationStarted }).openapi('FactorWritten');
export type FactorWritten = z.infer<typeof FactorWritten>;

export const FactorPathParams = z.object({ id: z.string().uuid() });

const Classification = z.record(Key, Scalar).refine((r) => Object.keys(r).length <= 20, 'at most 20 keys');
const Values = z.record(Key, Scalar).refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 50, 'between 1 and 50 values');

export const CreateFactorBody = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    submodule: SubmoduleKeyParam,
    emissionType: z.string().max(120).nullable().optional(),
    classification: Classification,
    values: Values,
    unit: z.string().trim().max(64).nullable().optional(),
    source: z.string().trim().max(2000).nullable().optional(),
    relativeUncertainty: z.number().finite().min(0).max(10).describe('Relative standard uncertainty of the values: 0.1 = 10 %. Omitted or null: the year’s module uncertainty tag gives the default').nullable().optional(),
  })
  .openapi('CreateFactorBody');
export type CreateFactorBody = z.infer<typeof CreateFactorBody>;

export const UpdateFactorBody = z
  .strictObject({
    emissionType: z.string().max(120).nullable().optional(),
    classification: Classification.optional(),
    values: Values.optional(),
    unit: z.string().trim().max(64).nullable().optional(),
    source: z.string().trim().max(2000).nullable().optional(),
    relativeUncertainty: z.number().finite().min(0).max(10).describe('Relative standard uncertainty of the values: 0.1 = 10 %. Omitted or null: the year’s module uncertainty tag gives the default').nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change')
  .openapi('UpdateFactorBody');
export type UpdateFactorBody = z.infer<typeof UpdateFactorBody>;

/** `POST /api/v1/factor-copies`: every factor of a year (or of one submodule) copied into another year. */
export const CopyFactorsBody = z
  .strictObject({
    fromYear: z.number().int().min(2000).max(2100),
    toYear: z.number().int().min(2000).max(2100),
    submodule: SubmoduleKeyParam.optional(),
  })
  .refine((b) => b.fromYear !== b.toYear, { message: 'toYear must differ from fromYear', path: ['toYear'] })
  .openapi('CopyFactorsBody');
export type CopyFactorsBody = z.infer<typeof CopyFactorsBody>;

/** What a copy did: factors written, those the target year already had (kept as they are), per submodule. */
export const CopyFactorsResult = z
  .object({
    fromYear: z.number().int(),
    toYear: z.number().int(),
    copied: z.number().int(),
    skipped: z.number().int(),
    submodules: z.array(z.object({ submodule: z.string(), copied: z.number().int(), skipped: z.number().int() })),
    /** The recalculations started for the target year's submodules that got factors. */
    recalculations: z.array(RecalculationStarted),
  })
  .openapi('CopyFactorsResult');
export type CopyFactorsResult = z.infer<typeof CopyFactorsResult>;

/** `POST /api/v1/factors/{id}/impact`: the factor's new values, previewed (nothing is written). */
export const FactorImpactBody = z.strictObject({ values: Values }).openapi('FactorImpactBody');
export type FactorImpactBody = z.infer<typeof FactorImpactBody>;

export const FactorImpact = z
  .object({
    factorId: z.string().uuid(),
    year: z.number().int(),
    submodule: z.string(),
    /** False when the submodule's formulas have no set-based form: the recalculation alone can tell. */
    supported: z.boolean(),
    /** Per unit, the kg of the rows computed with the factor, now and with the new values. */
    units: z.array(z.object({ unitCode: z.string(), beforeKg: z.number(), afterKg: z.number(), deltaKg: z.number() })),
    totalDeltaKg: z.number(),
    /** Entries the recalculation would hand to the engine (e.g. a distance band moved): not in the figures. */
    entriesForEngine: z.number().int(),
  })
  .openapi('FactorImpact');
export type FactorImpact = z.infer<typeof FactorImpact>;

export const TaxonomyPathParams = z.object({ year: Year, submodule: SubmoduleKeyParam });

/** `GET /api/v1/years/{year}/taxonomies/{submodule}`: dropdown options derived from the year's factors. */
export const Taxonomy = z
  .object({
    year: z.number().int(),
    submodule: z.string(),
    /** Distinct values of each classification key, sorted. */
    fields: z.record(z.string(), z.array(z.union([z.string(), z.number(), z.boolean()]))),
    /** Distinct classifications (e.g. class → sub-class pairs), sorted. */
    classifications: z.array(z.record(z.string(), Scalar)),
  })
  .openapi('Taxonomy');
export type Taxonomy = z.infer<typeof Taxonomy>;

/** The keys of a factor as its edit form shows them (those of the factor itself, or of a sample of its submodule). */
export interface FactorFormShape {
  classificationKeys: string[];
  valueKeys: string[];
  /** Each value's current type is kept: numbers stay numbers, texts texts. */
  sample: Record<string, string | number | boolean | null>;
}

/**
 * The edit form's contract of one factor (`UiContractForm`): each classification key as text (`c__<key>`), each value
 * typed like the factor's own (`v__<key>`), unit and source; the same limits as `CreateFactorBody`.
 */
export function factorFormContract(shape: FactorFormShape) {
  const fields: Record<string, z.ZodType> = {};
  for (const key of shape.classificationKeys) fields[`c__${key}`] = z.string().trim().max(500).optional();
  for (const key of shape.valueKeys) {
    const value = shape.sample[key] ?? null;
    fields[`v__${key}`] =
      typeof value === 'number' ? z.number().finite() : typeof value === 'boolean' ? z.boolean() : typeof value === 'string' ? z.string().max(500) : z.number().finite().nullable().optional();
  }
  fields.unit = z.string().trim().max(64).optional();
  fields.source = z.string().trim().max(2000).optional();
  return z.object(fields);
}
