import type { ZodType } from 'zod';
import { z } from '../zod.js';
import { CombustionData, EmbodiedEnergyData, RoomData } from './buildings.js';
import { AiData, CloudData } from './cloud-ai.js';
import { EquipmentData } from './equipment.js';
import { HeadcountMemberData, HeadcountStudentData } from './headcount.js';
import { ProcessGasData } from './process.js';
import { CentralisedPurchaseData, PurchaseData } from './purchases.js';
import { AnimalFacilityUseData, FacilityUseData } from './research-facilities.js';
import { PlaneTripData, TrainTripData } from './travel.js';

export * from './common.js';
export * from './headcount.js';
export * from './travel.js';
export * from './buildings.js';
export * from './equipment.js';
export * from './purchases.js';
export * from './cloud-ai.js';
export * from './process.js';
export * from './research-facilities.js';

/** Stable identifiers of the modules and their submodules (URLs, CSV routing, code). */
export const MODULES = {
  headcount: ['member', 'student'],
  'professional-travel': ['plane', 'train'],
  buildings: ['rooms', 'combustion', 'embodied-energy'],
  equipment: ['scientific', 'it', 'other'],
  purchases: ['scientific-equipment', 'it-equipment', 'consumables', 'bio-chemicals', 'services', 'vehicles', 'other', 'centralised'],
  'external-cloud-ai': ['cloud', 'ai'],
  'process-emissions': ['gases'],
  'research-facilities': ['facilities', 'animal-facilities'],
} as const;

export type ModuleKey = keyof typeof MODULES;
export const ModuleKey = z.enum(Object.keys(MODULES) as [ModuleKey, ...ModuleKey[]]).openapi('ModuleKey');
export type SubmoduleOf<M extends ModuleKey> = (typeof MODULES)[M][number];
/** `module/submodule`, e.g. `professional-travel/plane`. */
export type SubmoduleKey = { [M in ModuleKey]: `${M}/${SubmoduleOf<M>}` }[ModuleKey];

export const SUBMODULE_KEYS = Object.entries(MODULES).flatMap(([m, subs]) => subs.map((s) => `${m}/${s}`)) as SubmoduleKey[];

export function isSubmoduleKey(value: string): value is SubmoduleKey {
  return (SUBMODULE_KEYS as string[]).includes(value);
}

/** The data schema of every submodule's entries: the same zod schema validates API bodies and CSV rows. */
export const entryDataSchemas: Record<SubmoduleKey, ZodType> = {
  'headcount/member': HeadcountMemberData,
  'headcount/student': HeadcountStudentData,
  'professional-travel/plane': PlaneTripData,
  'professional-travel/train': TrainTripData,
  'buildings/rooms': RoomData,
  'buildings/combustion': CombustionData,
  'buildings/embodied-energy': EmbodiedEnergyData,
  'equipment/scientific': EquipmentData,
  'equipment/it': EquipmentData,
  'equipment/other': EquipmentData,
  'purchases/scientific-equipment': PurchaseData,
  'purchases/it-equipment': PurchaseData,
  'purchases/consumables': PurchaseData,
  'purchases/bio-chemicals': PurchaseData,
  'purchases/services': PurchaseData,
  'purchases/vehicles': PurchaseData,
  'purchases/other': PurchaseData,
  'purchases/centralised': CentralisedPurchaseData,
  'external-cloud-ai/cloud': CloudData,
  'external-cloud-ai/ai': AiData,
  'process-emissions/gases': ProcessGasData,
  'research-facilities/facilities': FacilityUseData,
  'research-facilities/animal-facilities': AnimalFacilityUseData,
};

/** The entry data schemas by OpenAPI component name (documented even though bodies reference them by name only). */
export const entryDataComponents: Record<string, ZodType> = {
  HeadcountMemberData, HeadcountStudentData, PlaneTripData, TrainTripData, RoomData, CombustionData, EmbodiedEnergyData,
  EquipmentData, PurchaseData, CentralisedPurchaseData, CloudData, AiData, ProcessGasData, FacilityUseData, AnimalFacilityUseData,
};
