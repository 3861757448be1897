// Browser entry of `#zod`: the contracts call `.openapi(...)` to describe themselves for the OpenAPI document,
// which only core-api generates. In the browser the call keeps the schema as it is, so zod-to-openapi stays out
// of client bundles. Metadata a page must read belongs in zod's own `.meta()`, which both entries keep.
import { z } from 'zod';

type OpenApiCall = (this: z.ZodType, ...args: unknown[]) => z.ZodType;
const prototype = z.ZodType.prototype as unknown as { openapi?: OpenApiCall };
prototype.openapi ??= function openapi() {
  return this;
};

export { z };
