import { z } from './zod.js';

export const RoleName = z.enum(['user.standard', 'user.principal', 'backoffice.metier', 'backoffice.admin']);
export type RoleName = z.infer<typeof RoleName>;

/** A role with its scope, parsed from a `roles` claim such as `user.principal@unit:LAB-CARBON`. */
export const RoleGrant = z
  .object({
    role: RoleName,
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('global') }),
      z.object({ kind: z.literal('unit'), unitCode: z.string() }),
      z.object({ kind: z.literal('affiliation'), unitCode: z.string() }),
    ]),
  })
  .openapi('RoleGrant');
export type RoleGrant = z.infer<typeof RoleGrant>;

export const UnitSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.number().int().min(1).max(4),
    parentCode: z.string().nullable(),
  })
  .openapi('UnitSummary');
export type UnitSummary = z.infer<typeof UnitSummary>;

/** `GET /api/v1/me` */
export const Me = z
  .object({
    id: z.string().uuid(),
    subject: z.string(),
    email: z.string().nullable(),
    displayName: z.string(),
    /** The person's institutional id (SCIPER at EPFL), from the token's `institutional_id` claim; null without one (or from an older core-api). */
    institutionalId: z.string().nullable().default(null),
    roles: z.array(RoleGrant),
    /** Level-4 units (labs) the user works in through a unit-scoped role. */
    units: z.array(UnitSummary),
  })
  .openapi('Me');
export type Me = z.infer<typeof Me>;
