// @vitest-environment node
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTIFACT_FILE, artifactChecksum, artifactManifest, readArtifact, remoteArtifact } from '../artifact.mjs';

const SDK_ROOT = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function builtFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'artifact-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'remoteEntry.js'), 'export const get = () => import("./assets/lifecycle-AbCdEf12.js");');
  writeFileSync(path.join(dir, 'assets', 'lifecycle-AbCdEf12.js'), 'export const mount = () => {};');
  writeFileSync(path.join(dir, 'mf-manifest.json'), '{}');
  return dir;
}

describe('remote artifacts (artifact.mjs)', () => {
  it('when a folder is stamped, then the manifest names the version, the sdk and contracts versions, the entry and every file', () => {
    const dir = builtFolder();
    const manifest = artifactManifest({ dir, root: SDK_ROOT, name: 'mf_demo', version: '1.2.3' });
    const sdk = JSON.parse(readFileSync(path.join(SDK_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(manifest).toMatchObject({ format: 1, name: 'mf_demo', version: '1.2.3', entry: 'remoteEntry.js', mfManifest: 'mf-manifest.json' });
    expect(manifest.builtAgainst['@co2/shell-sdk']).toBe(sdk.version);
    expect(manifest.builtAgainst['@co2/contracts']).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.files.map((f) => f.path)).toEqual(['assets/lifecycle-AbCdEf12.js', 'mf-manifest.json', 'remoteEntry.js']);
    expect(manifest.checksum).toMatch(/^sha256-[0-9a-f]{64}$/);
  });

  it('when the files are the same in another order, then the checksum is the same; one changed byte changes it', () => {
    const a = { path: 'a.js', bytes: Buffer.from('a') };
    const b = { path: 'b.js', bytes: Buffer.from('b') };
    expect(artifactChecksum([a, b])).toBe(artifactChecksum([b, a]));
    expect(artifactChecksum([a, { ...b, bytes: Buffer.from('c') }])).not.toBe(artifactChecksum([a, b]));
    expect(artifactChecksum([a, { ...b, path: 'c.js' }])).not.toBe(artifactChecksum([a, b]));
  });

  it('when the vite plugin closes the bundle, then co2-artifact.json is written and reads back; a file changed afterwards is detected', () => {
    const dir = builtFolder();
    const plugin = remoteArtifact('mf_demo') as unknown as {
      configResolved(c: { root: string; build: { outDir: string } }): void;
      closeBundle: { handler(): void };
    };
    plugin.configResolved({ root: SDK_ROOT, build: { outDir: dir } });
    plugin.closeBundle.handler();
    const { manifest, files } = readArtifact(dir);
    expect(manifest.name).toBe('mf_demo');
    expect(files.map((f) => f.path)).not.toContain(ARTIFACT_FILE);
    writeFileSync(path.join(dir, 'remoteEntry.js'), 'export const tampered = 1;');
    expect(() => readArtifact(dir)).toThrow(/does not match/);
  });

  it('when a folder was never stamped, then reading it says to build first', () => {
    expect(() => readArtifact(builtFolder())).toThrow(/build the remote first/);
  });
});

describe('publish CLI (publish.mjs)', () => {
  it('when the portal cannot be reached, then the message names the remote, the version and the portal', async () => {
    const { publishDir } = await import('../publish.mjs');
    const dir = builtFolder();
    const plugin = remoteArtifact('mf_demo') as unknown as { configResolved(c: { root: string; build: { outDir: string } }): void; closeBundle: { handler(): void } };
    plugin.configResolved({ root: SDK_ROOT, build: { outDir: dir } });
    plugin.closeBundle.handler();
    const refused = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));
    await expect(publishDir({ dir, portal: 'http://127.0.0.1:9', token: 't', fetchImpl: refused })).rejects.toThrow(
      /^mf_demo 0\.1\.0 was not published: the portal at http:\/\/127\.0\.0\.1:9 cannot be reached \(ECONNREFUSED\)$/,
    );
  });
});
