// The job types this core-api runs. Each definition lives beside its service (defineJob) and is listed here.
import { JobRegistry } from './registry.js';

export function createJobRegistry(): JobRegistry {
  return new JobRegistry([]);
}
