import { AiData, CloudData } from '@co2/contracts';
import { defineSubmodule, noPreparation } from '../types.js';
import { aiLeaf, CLOUD_LEAF, computeAi, computeCloud } from './compute.js';
import { lookupAi, lookupCloud } from './lookup.js';

export const cloud = defineSubmodule({
  module: 'external-cloud-ai',
  key: 'external-cloud-ai/cloud',
  labels: { en: 'External cloud', fr: 'Cloud externe', de: 'Externe Cloud' },
  schema: CloudData,
  emissionTypes: Object.values(CLOUD_LEAF),
  lookupKeys: ['service_type', 'provider', 'currency'],
  prepare: noPreparation,
  lookup: lookupCloud,
  compute: computeCloud,
  overrideEmissionType: (input) => CLOUD_LEAF[input.service_type],
});

export const ai = defineSubmodule({
  module: 'external-cloud-ai',
  key: 'external-cloud-ai/ai',
  labels: { en: 'Generative AI', fr: 'IA générative', de: 'Generative KI' },
  schema: AiData,
  emissionTypes: [
    'external__ai__provider_google',
    'external__ai__provider_mistral_ai',
    'external__ai__provider_anthropic',
    'external__ai__provider_openai',
    'external__ai__provider_cohere',
    'external__ai__provider_others',
  ],
  lookupKeys: ['provider', 'usage_type'],
  prepare: noPreparation,
  lookup: lookupAi,
  compute: computeAi,
  overrideEmissionType: (input) => aiLeaf(input.provider),
});
