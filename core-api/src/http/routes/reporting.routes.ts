import { exportReporting, exportReportingJson, getReporting } from '@co2/contracts';
import type { createExportReporting, createExportReportingJson, createGetReporting } from '../../domain/reporting/reporting.js';
import { route } from '../route.js';

export interface ReportingUseCases {
  getReporting: ReturnType<typeof createGetReporting>;
  exportReporting: ReturnType<typeof createExportReporting>;
  exportReportingJson: ReturnType<typeof createExportReportingJson>;
}

export const reportingRoutes = (uc: ReportingUseCases) => [
  route(getReporting, async ({ query }, { principal }) => uc.getReporting(principal, query)),
  route(exportReporting, async ({ query }, { principal }) => uc.exportReporting(principal, query)),
  route(exportReportingJson, async ({ query }, { principal }) => uc.exportReportingJson(principal, query)),
];
