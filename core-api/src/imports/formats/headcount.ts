import { dataFormat } from './data-format.js';

/** Headcount members: one person with SIUS code and FTE; a person appears once per unit and file. */
export const headcountMembers = dataFormat({
  id: 'headcount-members',
  description: 'Headcount: staff members (name, SIUS function code, SCIPER, FTE)',
  targets: ['headcount/member'],
  columns: [
    { name: 'name', required: true },
    { name: 'sius_code', required: true },
    { name: 'user_institutional_id', required: true },
    { name: 'fte', kind: 'number', required: true },
  ],
  example: { name: 'Ada Lovelace', sius_code: '53', user_institutional_id: '150322', fte: '0.8' },
  unique: (row) => ({
    key: `${row.unitInstitutionalId ?? ''}\u0000${String(row.data.user_institutional_id)}`,
    column: 'user_institutional_id',
  }),
  missingColumnsHint: (present) =>
    present.includes('position_category') ? 'the legacy position_title/position_category columns are replaced by sius_code (51–59)' : undefined,
});

/** Headcount students: one aggregate row with the students' total FTE. */
export const headcountStudents = dataFormat({
  id: 'headcount-students',
  description: 'Headcount: students (total FTE of the year)',
  targets: ['headcount/student'],
  columns: [{ name: 'fte', kind: 'number', required: true }],
  example: { fte: '42.5' },
});
