export { units } from './units.js';
export { users } from './users.js';
export { carbonReports, reportModules, MODULE_STATUSES } from './carbon-reports.js';
export { entries, entryEmissions, ENTRY_SOURCES, ENTRY_STATUSES } from './entries.js';
export { factors } from './factors.js';
export { yearConfigurations } from './year-configurations.js';
export { airports, trainStations, buildingRooms, fxRates, priceIndices } from './reference-data.js';
export { auditLog } from './audit-log.js';
export { dataIngestionJobs, JOB_STATES, type JobState } from './jobs.js';
