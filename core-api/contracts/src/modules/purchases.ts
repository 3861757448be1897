import { z } from '../zod.js';
import { Amount, currencyOr, Label, PurchaseCurrency } from './common.js';

const Code = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), Label(64));
const OptionalText = z.string().trim().max(500).optional();

/** purchases/{scientific-equipment,…,other}: one purchase, matched to a spend-based factor by code. */
export const PurchaseData = z
  .strictObject({
    name: Label(),
    supplier: OptionalText,
    quantity: Amount.optional(),
    total_spent_amount: Amount,
    currency: currencyOr(PurchaseCurrency, 'chf'),
    /** UNSPSC code (or a category letter in the templates). */
    purchase_institutional_code: Code,
    purchase_institutional_description: OptionalText,
    /** NACRES code: when a factor exists for it, it wins over the UNSPSC one. */
    purchase_additional_code: z.preprocess((v) => (v === '' || v === null ? undefined : v), Code.optional()),
  })
  .openapi('PurchaseData');
export type PurchaseData = z.infer<typeof PurchaseData>;

/** purchases/centralised: consumption bought centrally (e.g. liquid nitrogen), weighed then factored. */
export const CentralisedPurchaseData = z
  .strictObject({
    name: Label(),
    unit: Label(32),
    annual_consumption: Amount,
    coef_to_kg: Amount,
  })
  .openapi('CentralisedPurchaseData');
export type CentralisedPurchaseData = z.infer<typeof CentralisedPurchaseData>;
