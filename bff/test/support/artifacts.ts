// Small built remotes for the delivery tests: a folder with a real ES-module entry importing its lifecycle chunk,
// stamped by the same code a remote build runs (shell/sdk/artifact.mjs).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTIFACT_FILE, artifactManifest } from '@co2/shell-sdk/artifact';

const TRAVEL_ROOT = fileURLToPath(new URL('../../../mf-travel', import.meta.url));

export interface BuiltRemote {
  dir: string;
  remove(): void;
}

export function builtRemote(options: { name?: string; version: string; entry?: string; builtAgainst?: Partial<Record<'@co2/shell-sdk' | '@co2/contracts', string>> }): BuiltRemote {
  const name = options.name ?? 'mf_travel';
  const dir = mkdtempSync(path.join(tmpdir(), `co2-${name}-${options.version}-`));
  mkdirSync(path.join(dir, 'assets'));
  const entry =
    options.entry ??
    `import { share } from "./assets/share-Ab12Cd34.js";\nconst exposes = { "./lifecycle": () => import("./assets/lifecycle-Ef56Gh78.js") };\nexport const container = { name: ${JSON.stringify(name)}, exposes, share, version: ${JSON.stringify(options.version)} };\n`;
  writeFileSync(path.join(dir, 'remoteEntry.js'), entry);
  writeFileSync(path.join(dir, 'assets', 'share-Ab12Cd34.js'), 'export const share = {};\n');
  writeFileSync(path.join(dir, 'assets', 'lifecycle-Ef56Gh78.js'), `export const bootstrap = async () => {}; export const mount = async () => {}; export const unmount = async () => {}; // ${options.version}\n`);
  writeFileSync(path.join(dir, 'assets', 'lifecycle-Ef56Gh78.js.br'), Buffer.from([0x1b, 0x00, 0x01]));
  const manifest = artifactManifest({ dir, root: TRAVEL_ROOT, name, version: options.version });
  Object.assign(manifest.builtAgainst, options.builtAgainst ?? {});
  writeFileSync(path.join(dir, ARTIFACT_FILE), JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
