// Bundles the BFF into dist/main.js (esbuild): npm packages stay external (installed in the image),
// workspace packages (@co2/*) are inlined; the SQL migrations are copied to dist/drizzle.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {}).filter((name) => !name.startsWith('@co2/'));
// Dependencies of inlined workspace packages must be installed too; keep them external as well.
external.push('zod', '@asteasolutions/zod-to-openapi');

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'info',
});
cpSync('drizzle', 'dist/drizzle', { recursive: true });
