import { EquipmentData, type SubmoduleKey } from '@co2/contracts';
import type { EmissionTypeKey } from '../emission-types/index.js';
import { defineSubmodule, noPreparation, type Labels } from '../types.js';
import { computeEquipment } from './compute.js';
import { lookupEquipment } from './lookup.js';

const equipment = (key: SubmoduleKey, leaf: EmissionTypeKey, labels: Labels) =>
  defineSubmodule({
    module: 'equipment',
    key,
    labels,
    schema: EquipmentData,
    emissionTypes: [leaf],
    lookupKeys: ['equipment_class', 'sub_class'],
    prepare: noPreparation,
    lookup: lookupEquipment,
    compute: computeEquipment(leaf),
    overrideEmissionType: () => leaf,
  });

export const scientific = equipment('equipment/scientific', 'equipment__scientific', {
  en: 'Scientific equipment',
  fr: 'Équipements scientifiques',
  de: 'Wissenschaftliche Geräte',
});
export const it = equipment('equipment/it', 'equipment__it', { en: 'IT equipment', fr: 'Équipements informatiques', de: 'IT-Geräte' });
export const other = equipment('equipment/other', 'equipment__other', { en: 'Other equipment', fr: 'Autres équipements', de: 'Andere Geräte' });
