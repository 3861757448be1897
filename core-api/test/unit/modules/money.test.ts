import { describe, expect, it } from 'vitest';
import { compute, context, factor } from '../../support/engine.js';

const purchase = (extra: Record<string, unknown> = {}) => ({
  name: 'Laptop', total_spent_amount: 1000, currency: 'chf', purchase_institutional_code: '43211500', ...extra,
});
// ECB convention: units of the currency per 1 EUR (2025 averages, rounded for the test).
const fx = { '2025:chf': 0.95, '2025:usd': 1.1 };

describe('spend-based factors: currency and price year (decisions 2 and 3)', () => {
  it('when a CHF spend meets a EUR factor, then CHF is converted to EUR (÷ CHF per EUR)', () => {
    const f = factor('purchases/it-equipment', { purchase_institutional_code: '43211500', currency: 'eur' }, { ef_kg_co2eq_per_currency: 0.5 });
    const [row] = compute('purchases/it-equipment', purchase(), [f], context({ fx })).emissions;
    expect(row?.kgCo2eq).toBeCloseTo((1000 / 0.95) * 0.5, 9);
    expect(row).toMatchObject({ quantityUnit: 'EUR', scope: 3, emissionType: 'purchases__it_equipment', inputs: { fx_rate_per_eur_entry: 0.95 } });
  });

  it('corrected: when the factor is in USD, then the spend is converted to USD (× USD per EUR), not divided by it as the reference does', () => {
    const f = factor('purchases/it-equipment', { purchase_institutional_code: '43211500', currency: 'usd' }, { ef_kg_co2eq_per_currency: 0.5 });
    const [row] = compute('purchases/it-equipment', purchase(), [f], context({ fx })).emissions;
    const inUsd = (1000 / 0.95) * 1.1; // 1157.89 USD
    expect(row?.quantity).toBeCloseTo(inUsd, 9);
    expect(row?.kgCo2eq).toBeCloseTo(inUsd * 0.5, 9);
    const referenceInverted = 1000 * (1 / 0.95) * 0.5 * (1 / 1.1);
    expect(row?.kgCo2eq).not.toBeCloseTo(referenceInverted, 3);
  });

  it('when the spend is already in the factor currency, then no rate is needed', () => {
    const f = factor('purchases/it-equipment', { purchase_institutional_code: '43211500', currency: 'chf' }, { ef_kg_co2eq_per_currency: 0.3 });
    expect(compute('purchases/it-equipment', purchase(), [f]).emissions[0]?.kgCo2eq).toBeCloseTo(300, 9);
  });

  it('when a rate is missing, then the entry is kept without emission: missing_fx_rate', () => {
    const f = factor('purchases/it-equipment', { purchase_institutional_code: '43211500', currency: 'eur' }, { ef_kg_co2eq_per_currency: 0.5 });
    expect(compute('purchases/it-equipment', purchase({ currency: 'jpy' }), [f], context({ fx }))).toMatchObject({ reason: 'missing_fx_rate', emissions: [] });
  });

  it('corrected: when the factor declares price year 2019, then the spend is deflated with the price index (the reference does not)', () => {
    const f = factor('purchases/it-equipment', { purchase_institutional_code: '43211500', currency: 'eur' }, { ef_kg_co2eq_per_currency: 0.5, price_year: 2019 });
    const ctx = context({ fx, priceIndex: { 'eur:2019': 100, 'eur:2025': 125 } });
    const [row] = compute('purchases/it-equipment', purchase(), [f], ctx).emissions;
    expect(row?.kgCo2eq).toBeCloseTo((1000 / 0.95) * (100 / 125) * 0.5, 9);
    expect(row?.inputs).toMatchObject({ price_year: 2019, price_index_price_year: 100, price_index_report_year: 125 });
    expect(compute('purchases/it-equipment', purchase(), [f], context({ fx }))).toMatchObject({ reason: 'missing_price_index' });
  });

  it('cloud spend uses the same conversion; an empty currency means EUR for cloud and CHF for purchases', () => {
    const cloud = factor('external-cloud-ai/cloud', { service_type: 'storage', provider: 'AWS', currency: 'usd' }, { ef_kg_co2eq_per_currency: 0.2 });
    const [row] = compute('external-cloud-ai/cloud', { service_type: 'storage', provider: 'AWS', spent_amount: 100, currency: '' }, [cloud], context({ fx })).emissions;
    expect(row).toMatchObject({ emissionType: 'external__clouds__stockage', inputs: { currency: 'eur', factor_currency: 'usd' } });
    expect(row?.kgCo2eq).toBeCloseTo(100 * 1.1 * 0.2, 9);
    const f = factor('purchases/it-equipment', { purchase_institutional_code: '43211500', currency: 'chf' }, { ef_kg_co2eq_per_currency: 1 });
    expect(compute('purchases/it-equipment', purchase({ currency: '' }), [f]).emissions[0]?.kgCo2eq).toBe(1000);
  });
});
