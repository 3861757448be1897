import { numberValue, textValue } from './factor-match.js';
import { fail, ok, type ComputeContext, type Factor, type Outcome, type Scalar } from './types.js';

export interface SpendInFactorTerms {
  /** The spend expressed in the factor's currency and price year. */
  amount: number;
  currency: string;
  inputs: Record<string, Scalar>;
}

/**
 * Converts a spend to the currency (and price year) of a spend-based factor.
 * - Currency: rates are ECB yearly averages, `rate(c)` = units of c per EUR, so
 *   `amount_in_factor_currency = amount / rate(entry currency) × rate(factor currency)` (decision 2: the
 *   reference multiplies by 1/rate(factor currency), which inverts the conversion when the factor is not in EUR).
 * - Deflation (decision 3): when the factor declares `price_year`, the spend (in the factor's currency, in
 *   prices of the report year) is brought to that year's prices: `× index(price_year) / index(report year)`.
 */
export function spendInFactorTerms(amount: number, entryCurrency: string, factor: Factor, ctx: ComputeContext): Outcome<SpendInFactorTerms> {
  const from = entryCurrency.toLowerCase();
  const to = (textValue(factor, 'currency') ?? 'eur').toLowerCase();
  let converted = amount;
  const inputs: Record<string, Scalar> = { amount, currency: from, factor_currency: to };
  if (from !== to) {
    const rateFrom = from === 'eur' ? 1 : ctx.reference.fxRate(ctx.year, from);
    const rateTo = to === 'eur' ? 1 : ctx.reference.fxRate(ctx.year, to);
    if (rateFrom === undefined || rateFrom <= 0) return fail('missing_fx_rate', `no ${ctx.year} exchange rate for ${from.toUpperCase()}`);
    if (rateTo === undefined || rateTo <= 0) return fail('missing_fx_rate', `no ${ctx.year} exchange rate for ${to.toUpperCase()}`);
    converted = (amount / rateFrom) * rateTo;
    Object.assign(inputs, { fx_rate_per_eur_entry: rateFrom, fx_rate_per_eur_factor: rateTo });
  }
  const priceYear = numberValue(factor, 'price_year');
  if (priceYear !== undefined && priceYear !== ctx.year) {
    const base = ctx.reference.priceIndex(to, priceYear);
    const current = ctx.reference.priceIndex(to, ctx.year);
    if (base === undefined || current === undefined || current <= 0) {
      return fail('missing_price_index', `no ${to.toUpperCase()} price index for ${priceYear} and ${ctx.year}`);
    }
    converted = (converted * base) / current;
    Object.assign(inputs, { price_year: priceYear, price_index_price_year: base, price_index_report_year: current });
  }
  inputs.amount_in_factor_terms = converted;
  return ok({ amount: converted, currency: to, inputs });
}
