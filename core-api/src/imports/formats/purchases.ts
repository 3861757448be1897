import type { SubmoduleKey } from '@co2/contracts';
import { dataFormat } from './data-format.js';

/** Purchase categories as the reference's files name them (routing column of data and factor files). */
export const PURCHASE_CATEGORIES: Record<string, SubmoduleKey> = {
  scientific_equipment: 'purchases/scientific-equipment',
  it_equipment: 'purchases/it-equipment',
  consumable_accessories: 'purchases/consumables',
  biological_chemical_gaseous_product: 'purchases/bio-chemicals',
  services: 'purchases/services',
  vehicles: 'purchases/vehicles',
  other: 'purchases/other',
};

/** Purchases (spend-based): one invoice line per row; one category per file unless `purchase_category` says. */
export const purchases = dataFormat({
  id: 'purchases',
  description: 'Purchases: invoice lines with spend, currency and UNSPSC/NACRES codes',
  targets: Object.values(PURCHASE_CATEGORIES),
  columns: [
    { name: 'name', required: true },
    { name: 'supplier' },
    { name: 'quantity', kind: 'number' },
    { name: 'total_spent_amount', kind: 'number', required: true },
    { name: 'currency' },
    { name: 'purchase_institutional_code', required: true },
    { name: 'purchase_institutional_description' },
    { name: 'purchase_additional_code' },
  ],
  routing: { column: 'purchase_category', values: PURCHASE_CATEGORIES },
  example: { name: 'Apple USB-C – Lightning (2 m, USB 2.0)', supplier: 'Digitec Galaxus AG', quantity: '1', total_spent_amount: '16.59', currency: 'chf', purchase_institutional_code: '43211600', purchase_institutional_description: '', purchase_additional_code: 'IA23', purchase_category: 'it_equipment' },
});

/** Centralised purchases (e.g. liquid nitrogen): consumption weighed to kg, then factored. */
export const purchasesCentralised = dataFormat({
  id: 'purchases-centralised',
  description: 'Purchases: centrally bought consumption (name, unit, annual consumption, kg per unit)',
  targets: ['purchases/centralised'],
  columns: [
    { name: 'name', required: true },
    { name: 'unit', required: true },
    { name: 'annual_consumption', kind: 'number', required: true },
    { name: 'coef_to_kg', kind: 'number', required: true },
  ],
  example: { name: 'Liquid Nitrogen', unit: 'l', annual_consumption: '1200', coef_to_kg: '0.8' },
});
