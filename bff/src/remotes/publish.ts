// Publishing a remote version with a publish token: the story of one upload, step by step.
import { artifactChecksum, ARTIFACT_FILE } from '@co2/shell-sdk/artifact';
import type { PublishRequest, PublishResult } from '@co2/contracts';
import type pg from 'pg';
import { BffError } from '../errors.js';
import { majorRange, sameMajor } from './compat.js';
import { checkEntry } from './entry-check.js';
import { inTransaction, registryRepository as repo, type TokenRow } from './registry-repository.js';
import type { RegistryService } from './registry-service.js';
import { contentTypeOf } from './serve.js';
import type { RemoteStore } from './store.js';

const FILE = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;

export interface PortalVersions {
  '@co2/shell-sdk': string;
  '@co2/contracts': string;
}

export interface PublishDeps {
  pool: pg.Pool;
  store: RemoteStore;
  registry: RegistryService;
  portal: PortalVersions;
}

const refuse = (message: string) => new BffError('publish_refused', message);

export async function publishRemote(deps: PublishDeps, token: TokenRow, remote: string, request: PublishRequest): Promise<PublishResult> {
  const { artifact } = request;
  // 1. The token publishes one remote, and the artifact must be that remote's.
  if (token.remote !== remote || artifact.name !== remote) throw new BffError('forbidden', `This publish token publishes ${token.remote} only (artifact: ${artifact.name})`);
  // 2. Built against the shell sdk and contracts this portal runs (same major).
  for (const pkg of ['@co2/shell-sdk', '@co2/contracts'] as const) {
    const built = artifact.builtAgainst[pkg];
    if (!sameMajor(built, deps.portal[pkg])) {
      throw refuse(`${remote} ${artifact.version} was built against ${pkg} ${built}; this portal runs ${deps.portal[pkg]} (needs ${majorRange(deps.portal[pkg])})`);
    }
  }
  // 3. The files are the artifact's, byte for byte.
  const files = request.files.map((f) => {
    if (!FILE.test(f.path) || f.path.split('/').includes('..') || f.path === ARTIFACT_FILE) throw refuse(`files: invalid path ${f.path.slice(0, 100)}`);
    return { path: f.path, bytes: Buffer.from(f.base64, 'base64') };
  });
  const listed = new Set(artifact.files.map((f) => f.path));
  const sent = new Set(files.map((f) => f.path));
  if (listed.size !== sent.size || [...listed].some((p) => !sent.has(p))) throw refuse('files: the files sent are not the files co2-artifact.json lists');
  const checksum = artifactChecksum(files);
  if (checksum !== artifact.checksum) throw refuse(`checksum: the files give ${checksum}, co2-artifact.json says ${artifact.checksum}`);
  // 4. A version is immutable: the same files again are a no-op, other files under the same version a conflict.
  const existing = await repo.version(deps.pool, remote, artifact.version);
  const entry = `/remotes/${remote}/${artifact.version}/remoteEntry.js`;
  if (existing) {
    if (existing.checksum === checksum) return { remote, version: artifact.version, entry: existing.entry, files: files.length, alreadyPublished: true };
    throw new BffError('version_conflict', `${remote} ${artifact.version} was published already with other files: raise the version`);
  }
  // 5. The lifecycle entry loads.
  const check = await checkEntry(remote, files.find((f) => f.path === artifact.entry)?.bytes, sent);
  if (!check.ok) throw refuse(check.message);
  // 6. Files into the store (the manifest last: its presence means the upload is complete), then the registry row.
  for (const f of files) await deps.store.put(`${remote}/${artifact.version}/${f.path}`, f.bytes, contentTypeOf(f.path));
  await deps.store.put(`${remote}/${artifact.version}/${ARTIFACT_FILE}`, Buffer.from(JSON.stringify(artifact, null, 2)), 'application/json');
  const actor = `token:${token.label}`;
  await inTransaction(deps.pool, async (db) => {
    await repo.addVersion(db, {
      remote,
      version: artifact.version,
      entry,
      checksum,
      sdk_version: artifact.builtAgainst['@co2/shell-sdk'],
      contracts_version: artifact.builtAgainst['@co2/contracts'],
      published_by: actor,
      health: 'ok',
    });
    await repo.audit(db, { actor, action: 'publish', remote, version: artifact.version, details: { checksum, files: files.length } });
  }).catch((error: unknown) => {
    // Two uploads of one version at once: the first one wins.
    if ((error as { code?: string }).code === '23505') throw new BffError('version_conflict', `${remote} ${artifact.version} was just published by another upload`);
    throw error;
  });
  deps.registry.invalidate();
  return { remote, version: artifact.version, entry, files: files.length, alreadyPublished: false };
}
