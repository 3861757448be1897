import type { Database } from '../db/client.js';
import { createAuditRepository } from './audit.repository.js';
import { createEntryRepository } from './entry.repository.js';
import { createFactorRepository } from './factor.repository.js';
import { createHealthRepository } from './health.repository.js';
import { createLocationRepository } from './location.repository.js';
import { createReferenceRepository } from './reference.repository.js';
import { createReportRepository } from './report.repository.js';
import { createTripRepository } from './trip.repository.js';
import { createUnitRepository } from './unit.repository.js';
import { createUserRepository } from './user.repository.js';
import { createYearConfigurationRepository } from './year-configuration.repository.js';

export function createRepositories(db: Database) {
  return {
    audit: createAuditRepository(db),
    entries: createEntryRepository(db),
    factors: createFactorRepository(db),
    health: createHealthRepository(db),
    locations: createLocationRepository(db),
    reference: createReferenceRepository(db),
    reports: createReportRepository(db),
    trips: createTripRepository(db),
    units: createUnitRepository(db),
    users: createUserRepository(db),
    years: createYearConfigurationRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
export type { AuditRepository } from './audit.repository.js';
export type { EntryRepository } from './entry.repository.js';
export type { LocationRepository } from './location.repository.js';
export type { FactorRepository } from './factor.repository.js';
export type { HealthRepository } from './health.repository.js';
export type { ReferenceRepository } from './reference.repository.js';
export type { UnitRepository } from './unit.repository.js';
export type { UserRepository } from './user.repository.js';
export type { ReportRepository } from './report.repository.js';
export type { TripRepository } from './trip.repository.js';
export type { YearConfigurationRepository } from './year-configuration.repository.js';
