// Versioned remote artifacts (docs/adr/0008-independent-delivery.md). `remoteArtifact()` is the vite plugin every
// remote adds last: after the build (and its precompressed copies) it writes `co2-artifact.json` beside
// remoteEntry.js and mf-manifest.json, stamping the remote's version, the @co2/shell-sdk and @co2/contracts
// versions it was built against and a checksum of every file. The publish CLI (publish.mjs) and the BFF
// recompute the checksum with `artifactChecksum()` before anything is served. Plain ESM with Node imports only.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ARTIFACT_FILE = 'co2-artifact.json';
export const ENTRY_FILE = 'remoteEntry.js';
export const MF_MANIFEST_FILE = 'mf-manifest.json';
/** Artifact format; the BFF refuses formats it does not know. */
export const ARTIFACT_FORMAT = 1;

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Every file of a built folder (relative POSIX paths, sorted), the artifact manifest itself excepted. */
export function artifactFiles(dir) {
  const files = [];
  const walk = (sub) => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else if (rel !== ARTIFACT_FILE) files.push({ path: rel, bytes: readFileSync(path.join(dir, rel)) });
    }
  };
  walk('');
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `sha256-<hex>` over the sorted list of `path NUL sha256(bytes)` lines: the same files give the same checksum. */
export function artifactChecksum(files) {
  const lines = [...files]
    .map((f) => ({ path: f.path, hash: sha256(f.bytes) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f.path}\0${f.hash}\n`)
    .join('');
  return `sha256-${sha256(lines)}`;
}

/** Version of an installed workspace package, looked up from `fromDir` upwards in node_modules. */
export function installedVersion(name, fromDir) {
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', ...name.split('/'), 'package.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')).version;
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed (looked up from ${fromDir})`);
  }
}

/**
 * The manifest of a built folder. `version` defaults to the remote's package.json version; a release pipeline
 * may set CO2_REMOTE_VERSION (e.g. `0.2.0` or `0.2.0-rc.1`).
 */
export function artifactManifest({ dir, root, name, version, builtAt = new Date() }) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const files = artifactFiles(dir);
  return {
    format: ARTIFACT_FORMAT,
    name,
    version: version ?? pkg.version,
    package: pkg.name,
    builtAgainst: { '@co2/shell-sdk': installedVersion('@co2/shell-sdk', root), '@co2/contracts': installedVersion('@co2/contracts', root) },
    entry: ENTRY_FILE,
    mfManifest: files.some((f) => f.path === MF_MANIFEST_FILE) ? MF_MANIFEST_FILE : null,
    builtAt: builtAt.toISOString(),
    checksum: artifactChecksum(files),
    files: files.map((f) => ({ path: f.path, size: f.bytes.length })),
  };
}

/** Reads a built folder's manifest and checks it against the files beside it. */
export function readArtifact(dir) {
  const file = path.join(dir, ARTIFACT_FILE);
  if (!existsSync(file)) throw new Error(`${file} is missing: build the remote first (npm run build)`);
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  const files = artifactFiles(dir);
  const checksum = artifactChecksum(files);
  if (checksum !== manifest.checksum) throw new Error(`${dir} does not match its ${ARTIFACT_FILE} (checksum ${checksum}, stamped ${manifest.checksum}): rebuild it`);
  return { manifest, files };
}

/** The vite plugin: add it last in a remote's plugins (it runs after the precompressed copies are written). */
export function remoteArtifact(name) {
  let outDir = '';
  let root = '';
  return {
    name: 'co2-remote-artifact',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      root = config.root;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const manifest = artifactManifest({ dir: outDir, root, name, version: process.env.CO2_REMOTE_VERSION || undefined });
        writeFileSync(path.join(outDir, ARTIFACT_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
      },
    },
  };
}
