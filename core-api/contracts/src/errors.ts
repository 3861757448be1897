import { z } from './zod.js';

/** One entry of `error.details`: which field (or CSV row) is wrong and why. */
export const ErrorDetail = z
  .object({
    path: z.string().describe('Field path (dot/bracket notation) or "row N" for CSV input'),
    message: z.string(),
  })
  .openapi('ErrorDetail');
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** The only error shape of the portal's HTTP APIs (core-api and BFF). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('Machine-readable code from the error catalogue, e.g. `validation_failed`'),
      message: z.string(),
      details: z.array(ErrorDetail).optional(),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof ErrorBody>;
