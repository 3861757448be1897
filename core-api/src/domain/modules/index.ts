export * from './types.js';
export * from './engine.js';
export * from './registry.js';
export * from './factor-match.js';
export * from './emission-types/index.js';
export { haversineKm, planeTripKm, trainTripKm, haulBand, trainFactorCountry } from './professional-travel/geo.js';
