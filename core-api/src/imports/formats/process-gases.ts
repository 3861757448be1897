import { dataFormat } from './data-format.js';

/** Process emissions: kg of a greenhouse gas released (refrigerants name the gas in `subcategory`). */
export const processGases = dataFormat({
  id: 'process-gases',
  description: 'Process emissions: gas category, subcategory (refrigerant) and quantity in kg',
  targets: ['process-emissions/gases'],
  columns: [
    { name: 'category', required: true },
    { name: 'subcategory' },
    { name: 'quantity', kind: 'number', required: true },
  ],
  example: { category: 'Refrigerant', subcategory: 'R134a', quantity: '12.5' },
});
