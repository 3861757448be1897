import { loadShare } from '@module-federation/runtime';
import type * as ContractsModule from '@co2/contracts';

export type Contracts = typeof ContractsModule;

/**
 * The zod contracts, taken from the federation share scope instead of an `import`: a host materialises every
 * shared package its code imports when it starts, which would put zod on every visitor's first screen.
 * Obtained this way, the one shared copy is downloaded only once something parses a response (the shell after
 * sign-in, or a remote), and the shell and the remotes use the same instance.
 */
export async function loadContracts(): Promise<Contracts> {
  const factory = await loadShare<Contracts>('@co2/contracts');
  const contracts = factory ? factory() : undefined;
  if (!contracts) throw new Error('@co2/contracts is not available in the share scope');
  return contracts;
}
