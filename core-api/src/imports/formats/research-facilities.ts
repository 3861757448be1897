import { dataFormat } from './data-format.js';

const common = [
  { name: 'researchfacility_id', required: true },
  { name: 'researchfacility_name', required: true },
] as const;

/** Research facilities: the unit's use of a shared facility. */
export const researchFacilities = dataFormat({
  id: 'research-facilities',
  description: 'Research facilities: use of a shared facility (id, name, use and its unit)',
  targets: ['research-facilities/facilities'],
  columns: [...common, { name: 'use', kind: 'number', required: true }, { name: 'use_unit', required: true }],
  example: { researchfacility_id: 'CIBM-GE', researchfacility_name: 'CIBM Geneva', use: '120', use_unit: 'hours' },
});

/** Animal facilities: the unit's use (e.g. housings) of an animal facility. */
export const animalFacilities = dataFormat({
  id: 'animal-facilities',
  description: 'Research facilities: use of an animal facility (id, name, type, use and its unit)',
  targets: ['research-facilities/animal-facilities'],
  columns: [...common, { name: 'researchfacility_type' }, { name: 'use', kind: 'number', required: true }, { name: 'use_unit', required: true }],
  example: { researchfacility_id: '1321', researchfacility_name: 'CPG', researchfacility_type: 'mice', use: '258', use_unit: 'housings' },
});
