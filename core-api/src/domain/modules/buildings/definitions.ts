import { CombustionData, EmbodiedEnergyData, RoomData } from '@co2/contracts';
import { EMISSION_TYPES, isWithin, roomLeaf, type EmissionTypeKey } from '../emission-types/index.js';
import { defineSubmodule, noPreparation } from '../types.js';
import { combustionLeaf, computeCombustion, computeEmbodied } from './combustion.js';
import { lookupCombustion, lookupEmbodied, lookupRoom, prepareRoom } from './lookup.js';
import { computeRoom } from './rooms.js';

const leavesUnder = (root: string): EmissionTypeKey[] => EMISSION_TYPES.filter((t) => t.leaf && isWithin(t.key, root)).map((t) => t.key);

export const rooms = defineSubmodule({
  module: 'buildings',
  key: 'buildings/rooms',
  labels: { en: 'Rooms', fr: 'Locaux', de: 'Räume' },
  schema: RoomData,
  emissionTypes: leavesUnder('buildings__rooms'),
  lookupKeys: ['building_name', 'room_type'],
  prepare: prepareRoom,
  lookup: lookupRoom,
  compute: computeRoom,
  overrideEmissionType: (input) => roomLeaf('lighting', input.room_type),
});

export const combustion = defineSubmodule({
  module: 'buildings',
  key: 'buildings/combustion',
  labels: { en: 'Energy combustion', fr: 'Combustion d’énergie', de: 'Energieverbrennung' },
  schema: CombustionData,
  emissionTypes: ['buildings__combustion', ...leavesUnder('buildings__combustion')],
  lookupKeys: ['name', 'unit'],
  prepare: noPreparation,
  lookup: lookupCombustion,
  compute: computeCombustion,
  overrideEmissionType: (input) => combustionLeaf(input.name),
});

export const embodiedEnergy = defineSubmodule({
  module: 'buildings',
  key: 'buildings/embodied-energy',
  labels: { en: 'Construction and renovation', fr: 'Construction et rénovation', de: 'Bau und Renovation' },
  schema: EmbodiedEnergyData,
  emissionTypes: ['buildings__construction_and_renovation'],
  lookupKeys: ['building_name', 'category'],
  derived: true,
  prepare: noPreparation,
  lookup: lookupEmbodied,
  compute: computeEmbodied,
  overrideEmissionType: () => 'buildings__construction_and_renovation',
});
