// Consumer price index per currency area and year: deflates spend to the price year of a factor.
import { code, ISO_CURRENCY, number, rowYear, text } from './cells.js';
import { referenceFormat } from './types.js';

export const priceIndex = referenceFormat({
  kind: 'price-index',
  description: 'Consumer price index per currency area and year (any base; only ratios are used)',
  tables: ['price_indices'],
  requiredColumns: (ctx) => [...(ctx.year === undefined ? ['year'] : []), 'currency', 'value'],
  optionalColumns: ['source'],
  example: { year: '2025', currency: 'chf', value: '107.1', source: 'FSO CPI, December 2020 = 100' },
  parse(cells, ctx, issues) {
    const year = rowYear(cells, ctx.year, issues);
    const currency = code(cells, 'currency', issues, { ...ISO_CURRENCY, required: true });
    const value = number(cells, 'value', issues, { required: true, min: 0, exclusiveMin: true });
    const source = text(cells, 'source', issues, { max: 500 }) ?? null;
    if (year === undefined || !currency || value === undefined) return undefined;
    return { table: 'price_indices', row: { currency, year, value, source } };
  },
  uniqueKey: (row) => ({ key: `${String(row.currency)}:${String(row.year)}`, column: 'currency' }),
});
