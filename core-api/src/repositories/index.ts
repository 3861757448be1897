import type { Database } from '../db/client.js';
import { createHealthRepository } from './health.repository.js';
import { createUnitRepository } from './unit.repository.js';
import { createUserRepository } from './user.repository.js';

export function createRepositories(db: Database) {
  return {
    health: createHealthRepository(db),
    units: createUnitRepository(db),
    users: createUserRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
export type { HealthRepository } from './health.repository.js';
export type { UnitRepository } from './unit.repository.js';
export type { UserRepository } from './user.repository.js';
