import type { AiData, CloudData } from '@co2/contracts';
import { matchFactors } from '../factor-match.js';
import { fail, ok, type Factor, type Outcome } from '../types.js';

/** Cloud: `{ service_type, provider }`; the factor's `currency` says what its EF is per. */
export function lookupCloud(input: CloudData, _p: unknown, factors: readonly Factor[]): Outcome<Factor[]> {
  const found = matchFactors(factors, { service_type: input.service_type, provider: input.provider });
  if (found.length === 0) return fail('missing_factor', `no cloud factor for ${input.provider} ${input.service_type}`);
  return ok(found.slice(0, 1));
}

/** AI: `{ provider, usage_type }`. */
export function lookupAi(input: AiData, _p: unknown, factors: readonly Factor[]): Outcome<Factor[]> {
  const found = matchFactors(factors, { provider: input.provider, usage_type: input.usage_type });
  if (found.length === 0) return fail('missing_factor', `no AI factor for ${input.provider} ${input.usage_type}`);
  return ok(found.slice(0, 1));
}
