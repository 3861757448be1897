import { z } from '../zod.js';
import { Label, PersonId } from './common.js';

/** SIUS/SHIS function codes (51 professors … 59 operational staff). */
export const SiusCode = z.enum(['51', '52', '53', '54', '56', '57', '58', '59']);

/** headcount/member: one person of the unit with their FTE for the year. */
export const HeadcountMemberData = z
  .strictObject({
    name: Label(),
    sius_code: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), SiusCode),
    user_institutional_id: PersonId,
    fte: z.number().finite().min(0).max(1),
  })
  .openapi('HeadcountMemberData');
export type HeadcountMemberData = z.infer<typeof HeadcountMemberData>;

/** headcount/student: one aggregate row with the students' total FTE for the year. */
export const HeadcountStudentData = z
  .strictObject({
    fte: z.number().finite().min(0).max(1e6),
  })
  .openapi('HeadcountStudentData');
export type HeadcountStudentData = z.infer<typeof HeadcountStudentData>;
