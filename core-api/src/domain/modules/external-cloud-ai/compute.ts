import type { AiData, AiFrequency, CloudData } from '@co2/contracts';
import type { EmissionTypeKey } from '../emission-types/index.js';
import { numberValue } from '../factor-match.js';
import { spendInFactorTerms } from '../money.js';
import { fail, ok, type ComputeContext, type EmissionDraft, type Factor, type Outcome } from '../types.js';

export const CLOUD_LEAF: Record<CloudData['service_type'], EmissionTypeKey> = {
  compute: 'external__clouds__calcul',
  storage: 'external__clouds__stockage',
  virtualisation: 'external__clouds__virtualisation',
};

/** Same spend formula as purchases: `spend in the factor's currency × ef_kg_co2eq_per_currency`. */
export function computeCloud(input: CloudData, _p: unknown, [factor]: Factor[], ctx: ComputeContext): Outcome<EmissionDraft[]> {
  const ef = factor && numberValue(factor, 'ef_kg_co2eq_per_currency');
  if (!factor || ef === undefined) return fail('missing_factor', 'the cloud factor has no ef_kg_co2eq_per_currency');
  const spend = spendInFactorTerms(input.spent_amount, input.currency, factor, ctx);
  if (!spend.ok) return spend;
  return ok([
    {
      emissionType: CLOUD_LEAF[input.service_type],
      kgCo2eq: spend.value.amount * ef,
      factor,
      quantity: spend.value.amount,
      quantityUnit: spend.value.currency.toUpperCase(),
      formula: 'spend_in_factor_currency × ef_kg_co2eq_per_currency',
      inputs: { ...spend.value.inputs, ef_kg_co2eq_per_currency: ef },
    },
  ]);
}

/** Representative requests per user per day of each band. */
export const AI_FREQUENCY: Record<AiFrequency, number> = { '1_5': 3, '5_20': 12.5, '20_100': 60, gt_100: 100 };

const PROVIDERS: [RegExp, EmissionTypeKey][] = [
  [/google|gemini/i, 'external__ai__provider_google'],
  [/mistral/i, 'external__ai__provider_mistral_ai'],
  [/anthropic|claude/i, 'external__ai__provider_anthropic'],
  [/openai|chatgpt/i, 'external__ai__provider_openai'],
  [/cohere/i, 'external__ai__provider_cohere'],
];

/** The entry's provider leaf (decision 1: one row per entry, not one per provider). */
export const aiLeaf = (provider: string): EmissionTypeKey => PROVIDERS.find(([re]) => re.test(provider))?.[1] ?? 'external__ai__provider_others';

/**
 * `kg = requests/day × working days × fte_count × ef_per_request`. The reference code divides by 1000 (its EF
 * is in grams); here the factor's unit decides: `g…` → / 1000, otherwise kg.
 */
export function computeAi(input: AiData, _p: unknown, [factor]: Factor[], ctx: ComputeContext): Outcome<EmissionDraft[]> {
  const ef = factor && numberValue(factor, 'ef_kg_co2eq_per_request');
  if (!factor || ef === undefined) return fail('missing_factor', 'the AI factor has no ef_kg_co2eq_per_request');
  const toKg = /^g(?![a-z])|^g ?co2/i.test(factor.unit ?? '') ? 1 / 1000 : 1;
  const perDay = AI_FREQUENCY[input.requests_per_user_per_day];
  const days = ctx.settings.workingDaysPerYear;
  const requests = perDay * days * input.fte_count;
  return ok([
    {
      emissionType: aiLeaf(input.provider),
      kgCo2eq: requests * ef * toKg,
      factor,
      quantity: requests,
      quantityUnit: 'requests',
      formula: toKg === 1 ? 'requests_per_day × working_days × fte_count × ef' : 'requests_per_day × working_days × fte_count × ef / 1000',
      inputs: { requests_per_day: perDay, working_days_per_year: days, fte_count: input.fte_count, ef_per_request: ef, ef_unit: factor.unit ?? 'kg CO2-eq/request' },
    },
  ]);
}
