import { buildingCombustion, buildingRooms } from './buildings.js';
import { externalAi, externalCloud } from './cloud-ai.js';
import type { DataRow } from './data-format.js';
import { equipment } from './equipment.js';
import { factors, type FactorRow } from './factors.js';
import { headcountMembers, headcountStudents } from './headcount.js';
import { processGases } from './process-gases.js';
import { purchases, purchasesCentralised } from './purchases.js';
import { animalFacilities, researchFacilities } from './research-facilities.js';
import { travelPlanes } from './travel-planes.js';
import { travelTrains } from './travel-trains.js';
import type { ImportFormat } from './types.js';

/** Every entry-data import format, by id (the `format` of an import request). */
export const DATA_FORMATS = {
  'headcount-members': headcountMembers,
  'headcount-students': headcountStudents,
  'travel-planes': travelPlanes,
  'travel-trains': travelTrains,
  'building-rooms': buildingRooms,
  'building-combustion': buildingCombustion,
  equipment,
  purchases,
  'purchases-centralised': purchasesCentralised,
  'external-cloud': externalCloud,
  'external-ai': externalAi,
  'process-gases': processGases,
  'research-facilities': researchFacilities,
  'animal-facilities': animalFacilities,
} satisfies Record<string, ImportFormat<DataRow>>;

export type DataFormatId = keyof typeof DATA_FORMATS;
export type FormatId = DataFormatId | 'factors';

export const FORMAT_IDS = [...Object.keys(DATA_FORMATS), 'factors'] as FormatId[];

export function importFormat(id: 'factors'): ImportFormat<FactorRow>;
export function importFormat(id: DataFormatId): ImportFormat<DataRow>;
/** Any format: rows are `DataRow` or `FactorRow` (each format only ever sees the rows its own parseRow made). */
export function importFormat(id: FormatId): ImportFormat<DataRow | FactorRow>;
export function importFormat(id: FormatId): ImportFormat<DataRow> | ImportFormat<FactorRow> | ImportFormat<DataRow | FactorRow> {
  return (id === 'factors' ? factors : DATA_FORMATS[id]) as ImportFormat<DataRow | FactorRow>;
}

export const isFormatId = (id: string): id is FormatId => (FORMAT_IDS as string[]).includes(id);

export type { DataRow } from './data-format.js';
export type { FactorRow } from './factors.js';
export type { FormatContext, ImportFormat, ImportMode, ReferenceCheck } from './types.js';
