import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDEX_FILE, renderIndex } from '../scripts/generate-index.js';

describe('package entry (src/index.ts)', () => {
  it('lists every value export of every contract module by name (Module Federation sharing needs the names)', async () => {
    const expected = await renderIndex();
    expect(readFileSync(INDEX_FILE, 'utf8'), 'src/index.ts is stale: run `npm run gen:index -w @co2/contracts`').toBe(expected);
  });
});
