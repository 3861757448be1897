import { z } from '../zod.js';
import { Amount, CloudCurrency, currencyOr, Label, lowerEnum } from './common.js';

/** external-cloud-ai/cloud: spend on an external cloud service. */
export const CloudData = z
  .strictObject({
    service_type: lowerEnum(['compute', 'storage', 'virtualisation'] as const),
    provider: Label(),
    spent_amount: Amount,
    currency: currencyOr(CloudCurrency, 'eur'),
  })
  .openapi('CloudData');
export type CloudData = z.infer<typeof CloudData>;

/** Requests per user per day, as bands; the engine uses their representative value. */
export const AiFrequency = z.enum(['1_5', '5_20', '20_100', 'gt_100']);
export type AiFrequency = z.infer<typeof AiFrequency>;

/** external-cloud-ai/ai: generative-AI use of a group of people. */
export const AiData = z
  .strictObject({
    provider: Label(),
    usage_type: lowerEnum(['text', 'image', 'code'] as const),
    requests_per_user_per_day: AiFrequency,
    fte_count: z.number().finite().min(0.1).max(1e6),
  })
  .openapi('AiData');
export type AiData = z.infer<typeof AiData>;
