#!/usr/bin/env node
// Builds a remote again into another folder, as a team's next release would be: a given version and a visible
// change (a line of text above the remote's pages, `data-testid="remote-variant"`). Used by e2e/delivery.test.ts
// and e2e/bench/delivery.mjs; the repository's sources are not touched (the change is a build-time transform).
// usage: node e2e/support/build-remote-variant.mjs <remote folder, e.g. mf-travel> <outDir> <version> <text>
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [dir, outDir, version, text] = process.argv.slice(2);
if (!dir || !outDir || !version || !text) {
  console.error('usage: build-remote-variant.mjs <remote folder> <outDir> <version> <text>');
  process.exit(2);
}
const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), dir);
// Module Federation's plugin does nothing under a test runner (NODE_ENV=test, VITEST): a release build is a production one.
process.env.NODE_ENV = 'production';
for (const name of Object.keys(process.env)) if (name.startsWith('VITEST')) delete process.env[name];
process.env.CO2_REMOTE_VERSION = version;
const { build } = await import('vite');

/** Puts the text above the router view of the remote's root component (App.vue). */
const visibleChange = {
  name: 'co2-remote-variant',
  enforce: 'pre',
  transform(code, id) {
    if (!id.endsWith(`${path.sep}src${path.sep}App.vue`)) return null;
    const banner = `<p class="q-ma-none text-caption" data-testid="remote-variant">${text.replace(/[<>&"]/g, '')}</p>`;
    return code.replace('<router-view />', `${banner}<router-view />`);
  },
};

await build({
  root,
  configFile: path.join(root, 'vite.config.ts'),
  logLevel: 'warn',
  plugins: [visibleChange],
  build: { outDir: path.resolve(outDir), emptyOutDir: true },
});
