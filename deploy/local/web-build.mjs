// Builds the shell and the remotes when their dist/ is missing or older than their sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { run } from './processes.mjs';

export const WEB_PACKAGES = [
  { workspace: '@co2/shell', dir: 'shell', marker: 'dist/index.html' },
  { workspace: '@co2/mf-inventory', dir: 'mf-inventory', marker: 'dist/remoteEntry.js' },
  { workspace: '@co2/mf-travel', dir: 'mf-travel', marker: 'dist/remoteEntry.js' },
  { workspace: '@co2/mf-dashboard', dir: 'mf-dashboard', marker: 'dist/remoteEntry.js' },
  { workspace: '@co2/mf-backoffice', dir: 'mf-backoffice', marker: 'dist/remoteEntry.js' },
];

// Sources every web build depends on besides its own folder (the shell-sdk modules every vite config imports
// included: a change of the shared federation or compression setup rebuilds every bundle).
const SHARED_SOURCES = ['shell/sdk/src', 'shell/sdk/federation.mjs', 'shell/sdk/compression.mjs', 'shell/sdk/artifact.mjs', 'core-api/contracts/src', 'core-api/contracts/package.json'];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const st = statSync(target);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'sdk') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function staleWebPackages(root) {
  const shared = Math.max(...SHARED_SOURCES.map((s) => newestMtime(path.join(root, s))));
  return WEB_PACKAGES.filter(({ dir, marker }) => {
    const built = path.join(root, dir, marker);
    if (!existsSync(built)) return true;
    const sources = Math.max(shared, newestMtime(path.join(root, dir, 'src')), newestMtime(path.join(root, dir, 'vite.config.ts')), newestMtime(path.join(root, dir, 'index.html')));
    return sources > statSync(built).mtimeMs;
  });
}

/** Builds what is stale; returns the list of rebuilt workspaces. */
export async function buildWeb(root, { force = false } = {}) {
  const todo = force ? WEB_PACKAGES : staleWebPackages(root);
  if (todo.length === 0) return [];
  const args = ['run', 'build', ...todo.flatMap((p) => ['-w', p.workspace])];
  // Production builds: Module Federation's plugin does nothing under a test runner's NODE_ENV=test.
  await run('build', 'npm', args, { cwd: root, env: { NODE_ENV: 'production' } });
  return todo.map((p) => p.workspace);
}
