import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { z } from '../src/zod-browser.js';

/** Builds the package entry (`.` → src/index.ts) for the browser as the web apps' vite builds do (client conditions). */
async function browserBundle(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    root: new URL('..', import.meta.url).pathname,
    build: { write: false, lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'contracts' }, minify: true },
  })) as Rolldown.RolldownOutput[];
  return output
    .flatMap((o) => o.output)
    .map((chunk) => (chunk.type === 'chunk' ? chunk.code : ''))
    .join('\n');
}

describe('browser entry (#zod → src/zod-browser.ts)', () => {
  it('when a contract calls .openapi() in the browser, then the schema is kept as it is and still parses', () => {
    const code = z.string().min(2);
    expect(code.openapi('UnitCode', { example: 'LAB' })).toBe(code);
    expect(code.parse('LAB')).toBe('LAB');
    expect(code.safeParse('L').success).toBe(false);
  });

  it('when the package is built for the browser, then zod-to-openapi stays out and the contracts are in', async () => {
    const code = await browserBundle();
    expect(code).not.toMatch(/extendZodWithOpenApi|OpenApiGeneratorV3|zod-to-openapi/);
    expect(code).toContain('$ZodObject');
    expect(code).toContain('equipment/it');
    // 435 KB when zod-to-openapi and the `z` namespace (all of zod) were part of the browser copy.
    expect(code.length).toBeLessThan(200_000);
  }, 60_000);
});
