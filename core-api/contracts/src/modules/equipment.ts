import { z } from '../zod.js';
import { Label } from './common.js';

const Hours = z.number().int().min(0).max(168).optional();

/** equipment/{scientific,it,other}: one device; missing or zero hours take the factor's defaults. */
export const EquipmentData = z
  .strictObject({
    equipment_id: Label(100),
    name: Label(),
    equipment_class: Label(),
    sub_class: z.string().trim().max(200).optional(),
    active_usage_hours_per_week: Hours,
    standby_usage_hours_per_week: Hours,
  })
  .refine((d) => (d.active_usage_hours_per_week ?? 0) + (d.standby_usage_hours_per_week ?? 0) <= 168, {
    message: 'active + standby hours must not exceed 168 per week',
    path: ['standby_usage_hours_per_week'],
  })
  .openapi('EquipmentData');
export type EquipmentData = z.infer<typeof EquipmentData>;
