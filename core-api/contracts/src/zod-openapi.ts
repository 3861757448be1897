// Node entry of `#zod`: zod extended with `.openapi()` metadata for the OpenAPI document (src/openapi.ts).
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };
