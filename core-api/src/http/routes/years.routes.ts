import { getYearConfiguration, listYears, putYearConfiguration } from '@co2/contracts';
import type { YearUseCases } from '../../domain/years/index.js';
import { route } from '../route.js';

export const yearRoutes = (uc: YearUseCases) => [
  route(listYears, async (_input, { principal }) => uc.listYears(principal)),
  route(getYearConfiguration, async ({ params }) => uc.getYearConfiguration(params.year)),
  route(putYearConfiguration, async ({ params, body }, { principal }) => uc.putYearConfiguration(principal, params.year, body)),
];
