import type { CentralisedPurchaseData, PurchaseData } from '@co2/contracts';
import type { EmissionTypeKey } from '../emission-types/index.js';
import { numberValue } from '../factor-match.js';
import { spendInFactorTerms } from '../money.js';
import { fail, ok, type ComputeContext, type EmissionDraft, type Factor, type Outcome } from '../types.js';

/** `kg = spend in the factor's currency (and price year) × ef_kg_co2eq_per_currency`. */
export const computePurchase =
  (leaf: EmissionTypeKey) =>
  (input: PurchaseData, _p: unknown, [factor]: Factor[], ctx: ComputeContext): Outcome<EmissionDraft[]> => {
    const ef = factor && numberValue(factor, 'ef_kg_co2eq_per_currency');
    if (!factor || ef === undefined) return fail('missing_factor', 'the purchase factor has no ef_kg_co2eq_per_currency');
    const spend = spendInFactorTerms(input.total_spent_amount, input.currency, factor, ctx);
    if (!spend.ok) return spend;
    return ok([
      {
        emissionType: leaf,
        kgCo2eq: spend.value.amount * ef,
        factor,
        quantity: spend.value.amount,
        quantityUnit: spend.value.currency.toUpperCase(),
        formula: 'spend_in_factor_currency × ef_kg_co2eq_per_currency',
        inputs: { ...spend.value.inputs, ef_kg_co2eq_per_currency: ef },
      },
    ]);
  };

/** Liquid nitrogen has its own leaf; other centralised products go to the additional node (scope 1). */
export const centralisedLeaf = (name: string): EmissionTypeKey =>
  name.trim().toLowerCase() === 'ln2' ? 'purchases__additional__ln2' : 'purchases__additional';

/** `kg = annual_consumption × coef_to_kg × ef_kg_co2eq_per_kg`. */
export function computeCentralised(input: CentralisedPurchaseData, _p: unknown, [factor]: Factor[]): Outcome<EmissionDraft[]> {
  const ef = factor && numberValue(factor, 'ef_kg_co2eq_per_kg');
  if (!factor || ef === undefined) return fail('missing_factor', 'the centralised-purchase factor has no ef_kg_co2eq_per_kg');
  const kg = input.annual_consumption * input.coef_to_kg;
  return ok([
    {
      emissionType: centralisedLeaf(input.name),
      kgCo2eq: kg * ef,
      factor,
      quantity: kg,
      quantityUnit: 'kg',
      formula: 'annual_consumption × coef_to_kg × ef_kg_co2eq_per_kg',
      inputs: { annual_consumption: input.annual_consumption, unit: input.unit, coef_to_kg: input.coef_to_kg, ef_kg_co2eq_per_kg: ef },
    },
  ]);
}
