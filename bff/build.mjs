// Bundles the BFF into dist/main.js (esbuild): npm packages stay external (installed in the image),
// workspace packages (@co2/*) are inlined; the SQL migrations are copied to dist/drizzle, and the versions of the
// shared packages to dist/portal-versions.json.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
// The shared-package versions this portal runs (published remotes must match their majors): read by config.ts.
const versionOf = (dir) => JSON.parse(readFileSync(new URL(`../${dir}/package.json`, import.meta.url), 'utf8')).version;
writeFileSync('dist/portal-versions.json', `${JSON.stringify({ '@co2/shell-sdk': versionOf('shell/sdk'), '@co2/contracts': versionOf('core-api/contracts') })}\n`);
