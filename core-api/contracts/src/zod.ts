// The zod every contract is written with. `#zod` (package.json `imports`) picks one of two entries by
// condition: browsers get zod with a no-op `.openapi()` (src/zod-browser.ts), so client bundles never include
// @asteasolutions/zod-to-openapi; everything else (core-api, the BFF, tests) gets zod extended by
// zod-to-openapi (src/zod-openapi.ts), which records the metadata src/openapi.ts turns into the document.
export { z } from '#zod';
