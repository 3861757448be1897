// Rewrites the npm workspace manifests in a directory so that `npm install --omit=dev` installs only the
// production dependencies of one workspace (plus the workspaces it depends on), at the versions pinned in
// package-lock.json. Used by the runtime stage of the core-api and BFF images.
//
// Why not `npm ci --omit=dev --workspace <name>`: npm still installs every workspace that is reachable through a
// devDependency (e.g. @co2/deploy with ~100 MB of embedded PostgreSQL binaries) and the workspace's own
// devDependencies. Removing the other workspaces and all devDependencies from the manifests leaves npm nothing
// but the production tree; the lockfile keeps every remaining version unchanged.
//
// Usage (in the directory holding package.json and package-lock.json): node prod-manifests.mjs @co2/core-api
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Pure part: given the root manifest and the workspace manifests by folder, returns the rewritten manifests.
 * @param {Record<string, any>} root
 * @param {Record<string, Record<string, any>>} workspaces folder -> manifest
 * @param {string} target package name of the workspace to keep
 * @returns {{ root: Record<string, any>, workspaces: Record<string, Record<string, any>> }}
 */
export function productionManifests(root, workspaces, target) {
  const folderByName = new Map(Object.entries(workspaces).map(([folder, manifest]) => [manifest.name, folder]));
  if (!folderByName.has(target)) {
    throw new Error(`unknown workspace ${target}; known: ${[...folderByName.keys()].join(', ')}`);
  }
  const keep = new Set();
  const visit = (name) => {
    const folder = folderByName.get(name);
    if (folder === undefined || keep.has(folder)) return;
    keep.add(folder);
    for (const dep of Object.keys(workspaces[folder].dependencies ?? {})) visit(dep);
  };
  visit(target);
  const stripped = (manifest) => {
    const { devDependencies: _dev, scripts: _scripts, ...rest } = manifest;
    return rest;
  };
  const kept = [...keep];
  return {
    root: { ...stripped(root), workspaces: (root.workspaces ?? []).filter((folder) => keep.has(folder)) },
    workspaces: Object.fromEntries(kept.map((folder) => [folder, stripped(workspaces[folder])])),
  };
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function main(dir, target) {
  const root = readJson(join(dir, 'package.json'));
  const workspaces = Object.fromEntries(
    (root.workspaces ?? []).map((folder) => [folder, readJson(join(dir, folder, 'package.json'))]),
  );
  const result = productionManifests(root, workspaces, target);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(result.root, null, 2)}\n`);
  for (const [folder, manifest] of Object.entries(result.workspaces)) {
    writeFileSync(join(dir, folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  console.log(`production manifests for ${target}: workspaces ${result.root.workspaces.join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: node prod-manifests.mjs <workspace package name>');
    process.exit(2);
  }
  main(process.cwd(), target);
}
