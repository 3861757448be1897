import { z } from 'zod';
import { REFERENCE_KINDS } from './types.js';

/**
 * The job's payload. `year` is the year of FX rates and price indices (the rows' own `year` column may then be
 * left out; when both are given they must agree); the other tables are global, so it is ignored for them.
 */
export const referenceImportPayload = z
  .object({
    fileId: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    kind: z.enum(REFERENCE_KINDS),
    year: z.number().int().min(1900).max(2200).optional(),
    dryRun: z.boolean().default(false),
    actor: z.object({ id: z.uuid(), subject: z.string() }).optional(),
  })
  .refine((p) => (p.fileId === undefined) !== (p.path === undefined), { message: 'give exactly one of fileId and path', path: ['fileId'] });

export type ReferenceImportPayload = z.infer<typeof referenceImportPayload>;

/** Kinds whose rows are per year. */
export const YEARLY_KINDS: readonly string[] = ['fx-rates', 'price-index'];
