import { PlaneTripData, TrainTripData } from '@co2/contracts';
import { defineSubmodule } from '../types.js';
import { computePlane, computeTrain, PLANE_LEAF, TRAIN_LEAF } from './compute.js';
import { lookupPlane, lookupTrain } from './lookup.js';
import { preparePlane, prepareTrain } from './prepare.js';

export const plane = defineSubmodule({
  module: 'professional-travel',
  key: 'professional-travel/plane',
  labels: { en: 'Plane', fr: 'Avion', de: 'Flugzeug' },
  schema: PlaneTripData,
  emissionTypes: Object.values(PLANE_LEAF),
  lookupKeys: ['category', 'cabin_class'],
  prepare: preparePlane,
  lookup: lookupPlane,
  compute: computePlane,
  overrideEmissionType: (input) => PLANE_LEAF[input.cabin_class],
});

export const train = defineSubmodule({
  module: 'professional-travel',
  key: 'professional-travel/train',
  labels: { en: 'Train', fr: 'Train', de: 'Zug' },
  schema: TrainTripData,
  emissionTypes: Object.values(TRAIN_LEAF),
  lookupKeys: ['country_code'],
  prepare: prepareTrain,
  lookup: lookupTrain,
  compute: computeTrain,
  overrideEmissionType: (input) => TRAIN_LEAF[input.cabin_class],
});
