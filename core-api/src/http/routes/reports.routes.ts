import { getBenchmark, getEvolution, getReport, getResults, getTrajectory, setModuleStatus } from '@co2/contracts';
import type { ReportUseCases } from '../../domain/reports/index.js';
import { route } from '../route.js';

export const reportRoutes = (uc: ReportUseCases) => [
  route(getReport, async ({ params }, { principal }) => uc.getReport(principal, params)),
  route(setModuleStatus, async ({ params, body }, { principal }) => uc.setModuleStatus(principal, params, body)),
  route(getResults, async ({ params, query }, { principal }) => uc.getResults(principal, params, query)),
  route(getEvolution, async ({ params }, { principal }) => uc.getEvolution(principal, params)),
  route(getTrajectory, async ({ params }, { principal }) => uc.getTrajectory(principal, params)),
  route(getBenchmark, async ({ params }, { principal }) => uc.getBenchmark(principal, params)),
];
