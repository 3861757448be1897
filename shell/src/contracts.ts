import type * as ContractsModule from '@co2/contracts';

export type Contracts = typeof ContractsModule;

/**
 * The zod contracts, imported on demand: a signed-out visitor's first screen never parses a response, so it does
 * not download them. The same module instance is what the shell offers the remotes as the shared singleton
 * (federation/host.ts), so the contracts are downloaded at most once per page load.
 */
export function loadContracts(): Promise<Contracts> {
  return import('@co2/contracts');
}
