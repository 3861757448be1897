import { AnimalFacilityUseData, FacilityUseData } from '@co2/contracts';
import { defineSubmodule, noPreparation } from '../types.js';
import { animalLeaf, computeAnimalFacility, computeFacility, facilityLeaf } from './compute.js';
import { lookupFacility } from './lookup.js';

export const facilities = defineSubmodule({
  module: 'research-facilities',
  key: 'research-facilities/facilities',
  labels: { en: 'Research facilities', fr: 'Plateformes de recherche', de: 'Forschungsinfrastrukturen' },
  schema: FacilityUseData,
  emissionTypes: ['research_facilities__facilities', 'research_facilities__it_facilities'],
  lookupKeys: ['researchfacility_id'],
  prepare: noPreparation,
  lookup: lookupFacility,
  compute: computeFacility,
  overrideEmissionType: (input) => facilityLeaf(input.researchfacility_name),
});

export const animalFacilities = defineSubmodule({
  module: 'research-facilities',
  key: 'research-facilities/animal-facilities',
  labels: { en: 'Animal facilities', fr: 'Animaleries', de: 'Tierhaltungen' },
  schema: AnimalFacilityUseData,
  emissionTypes: ['research_facilities__animal', 'research_facilities__animal__mice', 'research_facilities__animal__fish'],
  lookupKeys: ['researchfacility_id'],
  prepare: noPreparation,
  lookup: lookupFacility,
  compute: computeAnimalFacility,
  overrideEmissionType: (input) => animalLeaf(input.researchfacility_type),
});
