import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED_SINGLETONS } from '../federation.mjs';

type Manifest = Partial<Record<'dependencies' | 'peerDependencies' | 'optionalDependencies', Record<string, string>>>;
const manifest = (url: string) => JSON.parse(readFileSync(new URL(url, import.meta.url), 'utf8')) as Manifest;
const runtimeDependencies = (pkg: Manifest) => Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies });

describe('shared singletons (federation.mjs)', () => {
  it('when a shared workspace package declares another shared one as a dependency, then each remote would bundle and download its own copy of it; none does', () => {
    // @module-federation/vite treats a workspace singleton that another shared package depends on as "eager": its
    // remote fallback is imported statically, so every remote downloaded its own contracts (≈ 35 KB brotli)
    // next to the shell's. @co2/contracts is therefore a devDependency of the SDK (each remote depends on it).
    const workspaces: Record<string, Manifest> = {
      '@co2/shell-sdk': manifest('../package.json'),
      '@co2/contracts': manifest('../../../core-api/contracts/package.json'),
    };
    for (const [name, pkg] of Object.entries(workspaces)) {
      const sharedDependencies = runtimeDependencies(pkg).filter((dependency) => dependency in SHARED_SINGLETONS && dependency.startsWith('@co2/'));
      expect(sharedDependencies, name).toEqual([]);
    }
  });
});
