export { z } from './zod.js';
export * from './errors.js';
export * from './identity.js';
export * from './units.js';
export * from './bff.js';
export * from './health.js';
export * from './modules/index.js';
export * from './entries.js';
export * from './api/index.js';
