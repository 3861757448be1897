import { copyFromPreviousYear, createEntry, createRoundTrip, deleteEntry, getEntry, listEntries, previewCopyFromPreviousYear, updateEntry } from './entries.routes.js';
import { getHealth, getReadiness } from './health.routes.js';
import { getMe, getUnit, getUnitSubtree, listUnits } from './identity.routes.js';
import { listAudit, verifyAudit } from './audit.routes.js';
import { exportReporting, exportReportingJson, getReporting } from './reporting.routes.js';
import { copyFactors, createFactor, getFactor, getTaxonomy, listFactors, previewFactorImpact, updateFactor } from './factors.routes.js';
import { listBuildingRooms, locationDistance, searchLocations } from './locations.routes.js';
import { listTripRoutes, listTrips } from './travel.routes.js';
import { getBenchmark, getEvolution, getReport, getResults, getTrajectory, setModuleStatus } from './reports.routes.js';
import { abortJob, abortPipeline, createImport, getImportCatalogue, getImportTemplate, getJob, getPipeline, listJobs, listWorkers, retryJob, streamJobEvents } from './jobs.routes.js';
import type { AnyApiRoute } from './route.js';
import { getYearConfiguration, listYears, putYearConfiguration } from './years.routes.js';

export * from './route.js';
export { getHealth, getReadiness } from './health.routes.js';
export { getMe, getUnit, getUnitSubtree, listUnits } from './identity.routes.js';
export { copyFromPreviousYear, createEntry, createRoundTrip, deleteEntry, getEntry, listEntries, previewCopyFromPreviousYear, updateEntry } from './entries.routes.js';
export { getBenchmark, getEvolution, getReport, getResults, getTrajectory, setModuleStatus } from './reports.routes.js';
export { getYearConfiguration, listYears, putYearConfiguration } from './years.routes.js';
export { listBuildingRooms, locationDistance, searchLocations } from './locations.routes.js';
export { listTripRoutes, listTrips } from './travel.routes.js';
export { listAudit, verifyAudit } from './audit.routes.js';
export { exportReporting, exportReportingJson, getReporting } from './reporting.routes.js';
export { copyFactors, createFactor, getFactor, getTaxonomy, listFactors, previewFactorImpact, updateFactor } from './factors.routes.js';
export { abortJob, abortPipeline, createImport, getImportCatalogue, getImportTemplate, getJob, getPipeline, listJobs, listWorkers, retryJob, streamJobEvents } from './jobs.routes.js';

/** Every operation of the core API, in documentation order. */
export const apiRoutes: readonly AnyApiRoute[] = [
  getMe,
  listUnits,
  getUnit,
  getUnitSubtree,
  listYears,
  getYearConfiguration,
  putYearConfiguration,
  getReport,
  setModuleStatus,
  getResults,
  getEvolution,
  getTrajectory,
  getBenchmark,
  listEntries,
  createEntry,
  createRoundTrip,
  listTrips,
  listTripRoutes,
  getEntry,
  updateEntry,
  deleteEntry,
  previewCopyFromPreviousYear,
  copyFromPreviousYear,
  getReporting,
  exportReporting,
  exportReportingJson,
  listFactors,
  getFactor,
  createFactor,
  updateFactor,
  copyFactors,
  previewFactorImpact,
  getTaxonomy,
  searchLocations,
  locationDistance,
  listBuildingRooms,
  listAudit,
  verifyAudit,
  getImportCatalogue,
  getImportTemplate,
  createImport,
  listJobs,
  listWorkers,
  getJob,
  streamJobEvents,
  abortJob,
  retryJob,
  getPipeline,
  abortPipeline,
  getHealth,
  getReadiness,
];
