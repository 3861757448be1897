import type { CentralisedPurchaseData, PurchaseData } from '@co2/contracts';
import { matchFactors, sameValue } from '../factor-match.js';
import { fail, ok, type Factor, type Outcome } from '../types.js';

/**
 * A NACRES (`purchase_additional_code`) factor wins; otherwise the UNSPSC code's factor — its "average" row
 * without an additional code when there are several, or its only row. Several rows and no average row: ambiguous.
 */
export function lookupPurchase(input: PurchaseData, _p: unknown, factors: readonly Factor[]): Outcome<Factor[]> {
  if (input.purchase_additional_code) {
    const byNacres = matchFactors(factors, { purchase_additional_code: input.purchase_additional_code });
    if (byNacres.length > 0) return ok(byNacres.slice(0, 1));
  }
  const byCode = matchFactors(factors, { purchase_institutional_code: input.purchase_institutional_code });
  const average = byCode.filter((f) => sameValue(f.classification.purchase_additional_code, null));
  if (average.length > 0) return ok(average.slice(0, 1));
  if (byCode.length === 1) return ok(byCode);
  if (byCode.length > 1) {
    return fail('ambiguous_factor', `code ${input.purchase_institutional_code} has several factors and no average row: give the NACRES code`);
  }
  return fail('missing_factor', `no purchase factor for ${input.purchase_additional_code ?? input.purchase_institutional_code}`);
}

/** Centralised purchases: the factor of the product's name (e.g. ln2). */
export function lookupCentralised(input: CentralisedPurchaseData, _p: unknown, factors: readonly Factor[]): Outcome<Factor[]> {
  const found = matchFactors(factors, { name: input.name });
  if (found.length === 0) return fail('missing_factor', `no centralised-purchase factor for ${input.name}`);
  return ok(found.slice(0, 1));
}
