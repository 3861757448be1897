// Bundles src/main.ts into dist/main.js for `node dist/main.js` (containers). Packages from node_modules stay
// external (installed with `npm ci --omit=dev`); the `@co2/*` workspace packages are TypeScript source and
// are bundled. The drizzle migrations are copied to dist/drizzle, where src/db/migrate.ts finds them, and the demo
// seed data to dist/seed-data (src/demo/load-seed-data.ts).
import { cp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Bare imports (`express`, `drizzle-orm/pg-core`, ...) stay external unless they are `@co2/*` workspaces;
 * package `imports` (`#zod` in @co2/contracts) are resolved and bundled like relative paths.
 */
const externalNodeModules = {
  name: 'external-node-modules',
  setup(b) {
    b.onResolve({ filter: /^[^./#]/ }, (args) => {
      if (args.path.startsWith('@co2/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

await rm(here('./dist'), { recursive: true, force: true });
await build({
  entryPoints: [here('./src/main.ts')],
  outfile: here('./dist/main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  plugins: [externalNodeModules],
  logLevel: 'info',
});
await cp(here('./drizzle'), here('./dist/drizzle'), { recursive: true });
await cp(here('./seed-data'), here('./dist/seed-data'), { recursive: true });
console.log('core-api: dist/main.js, dist/drizzle and dist/seed-data ready');
