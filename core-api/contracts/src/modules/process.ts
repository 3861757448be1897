import { z } from '../zod.js';
import { Amount, Label } from './common.js';

/** process-emissions/gases: a greenhouse gas released by a process (kg), weighted by its GWP. */
export const ProcessGasData = z
  .strictObject({
    /** CO2, CH4, N2O, Refrigerants (or Other with a subcategory). */
    category: Label(64),
    /** The gas, e.g. R134a, SF6, NF3 (needed for refrigerants). */
    subcategory: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().max(64).optional()),
    quantity: Amount,
  })
  .openapi('ProcessGasData');
export type ProcessGasData = z.infer<typeof ProcessGasData>;
