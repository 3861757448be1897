import { z } from './zod.js';

/** A unit code such as `LAB-CARBON`: letters, digits, `-`, `_`, `.`. */
export const UnitCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, "-", "_" or "." (max 64)')
  .openapi('UnitCode', { example: 'LAB-CARBON' });

/** A unit of the organisation (1 university, 2 faculty, 3 institute, 4 lab) as listed by `GET /api/v1/units`. */
export const Unit = z
  .object({
    id: z.string().uuid(),
    code: UnitCode,
    /** English name. */
    name: z.string(),
    nameFr: z.string(),
    nameDe: z.string().nullable(),
    level: z.number().int().min(1).max(4),
    parentCode: z.string().nullable(),
    /** Codes of the ancestors, root first, ending with the unit itself. */
    path: z.array(z.string()),
    active: z.boolean(),
  })
  .openapi('Unit');
export type Unit = z.infer<typeof Unit>;

/** `GET /api/v1/units` */
export const UnitList = z.object({ units: z.array(Unit) }).openapi('UnitList');
export type UnitList = z.infer<typeof UnitList>;

export const ListUnitsQuery = z.object({
  /** Only units of this level (4 = labs). */
  level: z.coerce.number().int().min(1).max(4).optional().openapi({ description: 'Only units of this level (4 = labs)' }),
});
export type ListUnitsQuery = z.infer<typeof ListUnitsQuery>;

export const UnitPathParams = z.object({ code: UnitCode });
