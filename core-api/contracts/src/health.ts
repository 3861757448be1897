import { z } from './zod.js';

export const Health = z.object({ status: z.enum(['ok', 'unavailable']) }).openapi('Health');
export type Health = z.infer<typeof Health>;
