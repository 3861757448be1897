import { z } from './zod.js';

/**
 * A contract's JSON schema as generated forms read it (the UI kit's `UiContractForm`): `io: 'input'` so that
 * fields with a default are optional and preprocess-wrapped enums and dates keep their type. It lives here so
 * the browser uses the one zod instance of the shared contracts.
 */
export function formJsonSchema(schema: z.ZodType): z.core.JSONSchema.JSONSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}
