import { dataFormat } from './data-format.js';

/** Equipment electricity: one device per row; `equipment_category` routes it (else the caller's choice). */
export const equipment = dataFormat({
  id: 'equipment',
  description: 'Equipment electricity: devices with class and weekly active/standby hours',
  targets: ['equipment/scientific', 'equipment/it', 'equipment/other'],
  columns: [
    { name: 'equipment_id', required: true },
    { name: 'name', required: true },
    { name: 'equipment_class', required: true },
    { name: 'sub_class' },
    { name: 'active_usage_hours_per_week', kind: 'number' },
    { name: 'standby_usage_hours_per_week', kind: 'number' },
  ],
  routing: { column: 'equipment_category', values: { scientific: 'equipment/scientific', it: 'equipment/it', other: 'equipment/other' } },
  example: { equipment_id: 'B006198', name: 'EIZO FlexScan monitor', equipment_class: 'Monitors', sub_class: '', active_usage_hours_per_week: '40', standby_usage_hours_per_week: '128', equipment_category: 'it' },
});
