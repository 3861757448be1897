import type { Repositories } from '../../repositories/index.js';
import { createGetYearConfiguration, createListYears, createPutYearConfiguration } from './year-use-cases.js';

export function createYearUseCases(repos: Pick<Repositories, 'years'>) {
  return {
    listYears: createListYears({ years: repos.years }),
    getYearConfiguration: createGetYearConfiguration({ years: repos.years }),
    putYearConfiguration: createPutYearConfiguration({ years: repos.years }),
  };
}
export type YearUseCases = ReturnType<typeof createYearUseCases>;
