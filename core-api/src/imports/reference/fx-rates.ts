// Yearly average exchange rates in the table's convention (ECB): units of the currency per 1 EUR.
import { code, ISO_CURRENCY, number, rowYear, text } from './cells.js';
import { referenceFormat } from './types.js';

export const fxRates = referenceFormat({
  kind: 'fx-rates',
  description: 'Yearly average exchange rates: units of the currency per 1 EUR (ECB convention)',
  tables: ['fx_rates'],
  // `year` may be left out of the file when the import names the year.
  requiredColumns: (ctx) => [...(ctx.year === undefined ? ['year'] : []), 'currency', 'rate_per_eur'],
  optionalColumns: ['source'],
  example: { year: '2025', currency: 'chf', rate_per_eur: '0.9415', source: 'ECB yearly average' },
  parse(cells, ctx, issues) {
    const year = rowYear(cells, ctx.year, issues);
    const currency = code(cells, 'currency', issues, { ...ISO_CURRENCY, required: true });
    const rate = number(cells, 'rate_per_eur', issues, { required: true, min: 0, exclusiveMin: true });
    const source = text(cells, 'source', issues, { max: 500 }) ?? null;
    // EUR is the base of the convention: the calculator uses 1 without a row; a row saying otherwise is wrong.
    if (currency === 'eur' && rate !== undefined && rate !== 1) issues.push({ column: 'rate_per_eur', message: `must be 1 for eur, the base currency (got "${rate}")` });
    if (year === undefined || !currency || rate === undefined) return undefined;
    return { table: 'fx_rates', row: { year, currency, rate_per_eur: rate, source } };
  },
  uniqueKey: (row) => ({ key: `${String(row.year)}:${String(row.currency)}`, column: 'currency' }),
});
