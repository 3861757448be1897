import { z } from '../zod.js';

/** Free text shown next to an entry (kept beside the data, not in it: it is no input of a formula). */
export const EntryNote = z.string().trim().max(2000).optional();

/** A required short label (name, code, provider…): trimmed, not empty. */
export const Label = (max = 200) => z.string().trim().min(1, 'must not be empty').max(max);

/** A finite amount ≥ 0 with a sane upper bound (no 1e308 spends). */
export const Amount = z.number().finite().min(0).max(1e12);

/** A person identifier (SCIPER or any institutional id). */
export const PersonId = Label(64);

/** Currencies accepted for spend (ISO 4217, lower case as in the CSV templates). */
export const PurchaseCurrency = z.enum(['aud', 'cad', 'chf', 'cny', 'eur', 'gbp', 'jpy', 'sek', 'usd']);
export type PurchaseCurrency = z.infer<typeof PurchaseCurrency>;
export const CloudCurrency = z.enum(['chf', 'eur', 'usd']);

/** Upper-cases and trims before checking an enum, so `ECONOMY ` and `economy` are the same class. */
export const lowerEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(values));

/** A currency, where an empty value means the given default (as the reference's CSVs do). */
export const currencyOr = <T extends z.ZodEnum>(schema: T, fallback: z.output<T>) =>
  z.preprocess((v) => (v === '' || v === null || v === undefined ? fallback : typeof v === 'string' ? v.trim().toLowerCase() : v), schema);

/** ISO calendar date `YYYY-MM-DD` (a `/` separator is accepted and normalised). */
export const IsoDate = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().replace(/\//g, '-') : v),
  z.iso.date(),
);
