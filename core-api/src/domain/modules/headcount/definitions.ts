import { HeadcountMemberData, HeadcountStudentData } from '@co2/contracts';
import type { EmissionTypeKey } from '../emission-types/index.js';
import { defineSubmodule, noPreparation } from '../types.js';
import { computeFte } from './compute.js';
import { lookupFteFactors } from './lookup.js';

const common = {
  emissionTypes: ['food', 'waste', 'commuting'] as EmissionTypeKey[],
  lookupKeys: ['headcount_category', 'headcount_class', 'headcount_subclass', 'unit'],
  prepare: noPreparation,
  lookup: lookupFteFactors,
  compute: computeFte,
  /** A headcount override has no leaf of its own: it is booked on the commuting node. */
  overrideEmissionType: (): EmissionTypeKey => 'commuting',
  module: 'headcount' as const,
};

export const member = defineSubmodule({
  ...common,
  key: 'headcount/member',
  labels: { en: 'Staff', fr: 'Collaborateur·rice·s', de: 'Mitarbeitende' },
  schema: HeadcountMemberData,
});

export const student = defineSubmodule({
  ...common,
  key: 'headcount/student',
  labels: { en: 'Students', fr: 'Étudiant·e·s', de: 'Studierende' },
  schema: HeadcountStudentData,
});
