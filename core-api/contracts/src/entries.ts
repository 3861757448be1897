import { EntryNote, ModuleKey } from './modules/index.js';
import { UnitCode } from './units.js';
import { z } from './zod.js';

/** `/api/v1/units/{unit}/years/{year}/modules/{module}/{submodule}/entries` */
export const EntriesPathParams = z.object({
  unit: UnitCode,
  year: z.coerce.number().int().min(2000).max(2100),
  module: ModuleKey,
  submodule: z.string().regex(/^[a-z][a-z-]{0,40}$/, 'a submodule identifier such as "plane"'),
});
export type EntriesPathParams = z.infer<typeof EntriesPathParams>;

export const EntryPathParams = EntriesPathParams.extend({ id: z.string().uuid() });
export type EntryPathParams = z.infer<typeof EntryPathParams>;

/** Where an entry comes from; `copied`: copied from the previous year's inventory (and recomputed). */
export const EntrySource = z.enum(['manual', 'csv_unit', 'csv_year', 'api', 'external_integration', 'derived', 'copied']);

/** Why an entry has no emission (never a silent default). */
export const EntryReason = z.enum([
  'invalid_data', 'missing_factor', 'ambiguous_factor', 'missing_location', 'ambiguous_location', 'missing_reference',
  'missing_input', 'missing_fx_rate', 'missing_price_index', 'unit_mismatch', 'unknown_emission_type',
]);

const InputValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One computed row of an entry, with everything needed to explain it. */
export const Emission = z
  .object({
    emissionType: z.string().openapi({ example: 'professional_travel__plane__eco' }),
    emissionTypeId: z.number().int(),
    scope: z.number().int().min(1).max(3),
    category: z.string(),
    additional: z.boolean(),
    kgCo2eq: z.number(),
    factorId: z.string().uuid().nullable(),
    factorYear: z.number().int().nullable(),
    quantity: z.number().nullable(),
    quantityUnit: z.string().nullable(),
    formula: z.string(),
    inputs: z.record(z.string(), InputValue),
    /** The factor used, for whoever may read the entry: a readable identity, its source text and its values. */
    factorLabel: z.string().nullable().optional(),
    factorSource: z.string().nullable().optional(),
    factorValues: z.array(z.object({ value: z.number(), unit: z.string().optional(), label: z.string().optional() })).nullable().optional(),
  })
  .openapi('Emission');
export type Emission = z.infer<typeof Emission>;

export const Entry = z
  .object({
    id: z.string().uuid(),
    module: ModuleKey,
    submodule: z.string(),
    data: z.record(z.string(), z.unknown()),
    note: z.string().nullable(),
    source: EntrySource,
    status: z.enum(['computed', 'not_computed']),
    reason: EntryReason.nullable(),
    reasonMessage: z.string().nullable(),
    totalKgCo2eq: z.number(),
    emissions: z.array(Emission),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Entry');
export type Entry = z.infer<typeof Entry>;

export const EntryList = z
  .object({
    items: z.array(Entry),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** kg CO2-eq of every matching entry (all pages): the submodule's total. */
    sumKgCo2eq: z.number().optional(),
  })
  .openapi('EntryList');
export type EntryList = z.infer<typeof EntryList>;

export const ListEntriesQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(['createdAt', 'totalKgCo2eq']).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
  status: z.enum(['computed', 'not_computed']).optional(),
});
export type ListEntriesQuery = z.infer<typeof ListEntriesQuery>;

const EntryDataBody = z
  .record(z.string().max(64), z.unknown())
  .openapi({ description: 'The submodule’s fields (schemas `HeadcountMemberData`, `PlaneTripData`, …); validated per submodule' });

export const CreateEntryBody = z.strictObject({ data: EntryDataBody, note: EntryNote }).openapi('CreateEntryBody');
export type CreateEntryBody = z.infer<typeof CreateEntryBody>;

/** Replaces the data (whole object) and/or the note. */
export const UpdateEntryBody = z
  .strictObject({ data: EntryDataBody.optional(), note: EntryNote.nullable() })
  .refine((b) => b.data !== undefined || b.note !== undefined, { message: 'give data or note' })
  .openapi('UpdateEntryBody');
export type UpdateEntryBody = z.infer<typeof UpdateEntryBody>;

export const DeletedEntry = z.object({ id: z.string().uuid(), deleted: z.literal(true) }).openapi('DeletedEntry');

/** `/api/v1/units/{unit}/years/{year}/modules/professional-travel/{submodule}/round-trips` */
export const RoundTripPathParams = z.object({
  unit: UnitCode,
  year: z.coerce.number().int().min(2000).max(2100),
  submodule: z.enum(['plane', 'train']),
});
export type RoundTripPathParams = z.infer<typeof RoundTripPathParams>;

/** A round trip: the outbound entry as given and the return entry with origin and destination swapped. */
export const RoundTrip = z.object({ outbound: Entry, return: Entry }).openapi('RoundTrip');
export type RoundTrip = z.infer<typeof RoundTrip>;

/** `/api/v1/units/{unit}/years/{year}/modules/{module}/copy-from-previous-year` */
export const CopyPathParams = z.object({ unit: UnitCode, year: z.coerce.number().int().min(2001).max(2100), module: ModuleKey });
export type CopyPathParams = z.infer<typeof CopyPathParams>;

const CopySubmodule = z.string().regex(/^[a-z][a-z-]{0,40}$/, 'a submodule identifier such as "it"');
/** One submodule, or (absent) every submodule people enter in the module. */
export const CopyQuery = z.strictObject({ submodule: CopySubmodule.optional() });
export type CopyQuery = z.infer<typeof CopyQuery>;
export const CopyBody = z.strictObject({ submodule: CopySubmodule.optional() }).openapi('CopyBody');
export type CopyBody = z.infer<typeof CopyBody>;

/** What a copy from the previous year brings: rows, and their kg recomputed with this year's factors. */
export const CopyPreview = z
  .object({
    fromYear: z.number().int(),
    toYear: z.number().int(),
    rows: z.number().int(),
    kgCo2eq: z.number(),
    submodules: z.array(z.object({ submodule: z.string(), rows: z.number().int(), kgCo2eq: z.number(), previousKgCo2eq: z.number() })),
  })
  .openapi('CopyPreview');
export type CopyPreview = z.infer<typeof CopyPreview>;
