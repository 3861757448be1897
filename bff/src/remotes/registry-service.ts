// The remote registry's use cases: seed a fresh database, serve the registry per user (active or canary),
// promote / canary / roll back (audited), publish tokens, browser-reported load failures, the admin view.
import { createHash, randomBytes } from 'node:crypto';
import type { CreatedPublishToken, RemoteAdminList, RemoteRegistry } from '@co2/contracts';
import type pg from 'pg';
import { boundedQuery } from '../db/bounded-query.js';
import { BffError } from '../errors.js';
import { inCanary } from './canary.js';
import { inTransaction, registryRepository as repo, type RemoteRow, type ServedRemoteRow, type TokenRow } from './registry-repository.js';

export const hashToken = (secret: string) => createHash('sha256').update(secret).digest('hex');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface RegistryServiceOptions {
  /** How long the served registry is reused in-process (ms); changes through this instance apply at once. */
  cacheMs: number;
  /** Bound on the registry read: past it (database down) the last registry read is served, else `fallback`. */
  timeoutMs?: number;
  /** What to serve when the database could never be read (the seed registry). */
  fallback?: RemoteRegistry;
  now?: () => number;
}

export type RegistryService = ReturnType<typeof registryService>;

export function registryService(pool: pg.Pool, options: RegistryServiceOptions) {
  const now = options.now ?? Date.now;
  const bounded = boundedQuery(pool, options.timeoutMs ?? 1_500);
  const fallbackRows: ServedRemoteRow[] = (options.fallback?.remotes ?? []).map((r) => ({
    name: r.name,
    active_version: r.version,
    active_entry: r.entry,
    canary_version: null,
    canary_entry: null,
    canary_percent: 0,
  }));
  let lastGood: ServedRemoteRow[] | null = null;
  let cached: { at: number; rows: Promise<ServedRemoteRow[]> } | null = null;
  const invalidate = () => void (cached = null);

  /** The database read, shared by concurrent requests; a failed read serves the last good one (the portal keeps loading). */
  function servedRows(): Promise<ServedRemoteRow[]> {
    if (!cached || now() - cached.at >= options.cacheMs) {
      const rows = repo.served(bounded).then(
        (fresh) => (lastGood = fresh),
        () => lastGood ?? fallbackRows,
      );
      cached = { at: now(), rows };
    }
    return cached.rows;
  }

  async function requireRemote(db: pg.PoolClient, name: string): Promise<RemoteRow> {
    const remote = await repo.remote(db, name, { forUpdate: true });
    if (!remote) throw new BffError('remote_not_found', `No remote ${name}`);
    return remote;
  }

  async function requireVersion(db: pg.PoolClient, name: string, version: string): Promise<void> {
    if (!(await repo.version(db, name, version))) throw new BffError('version_not_found', `${name} has no version ${version}: publish it first`);
  }

  return {
    invalidate,

    /** REMOTES_REGISTRY (or the default) fills a fresh database; remotes already known are left as they are. */
    async seed(registry: RemoteRegistry): Promise<string[]> {
      const seeded: string[] = [];
      for (const r of registry.remotes) if (await repo.seed(pool, r.name, r.version, r.entry)) seeded.push(r.name);
      invalidate();
      return seeded;
    },

    /** The registry one user gets: each remote's active version, or its canary for users in the canary's buckets. */
    async registryFor(subject: string | null): Promise<RemoteRegistry> {
      const rows = await servedRows();
      const remotes: RemoteRegistry['remotes'] = [];
      for (const row of rows) {
        if (row.canary_version && row.canary_entry && inCanary(row.name, subject, row.canary_percent)) {
          remotes.push({ name: row.name, entry: row.canary_entry, version: row.canary_version });
        } else if (row.active_version && row.active_entry) {
          remotes.push({ name: row.name, entry: row.active_entry, version: row.active_version });
        }
      }
      return { remotes };
    },

    async promote(name: string, version: string, actor: string): Promise<void> {
      await inTransaction(pool, async (db) => {
        const remote = await requireRemote(db, name);
        await requireVersion(db, name, version);
        const previous = remote.active_version === version ? remote.previous_version : remote.active_version;
        await repo.setVersions(db, name, { active_version: version, previous_version: previous, canary_version: null, canary_percent: 0 }, actor);
        await repo.audit(db, { actor, action: 'promote', remote: name, version, details: { from: remote.active_version } });
      });
      invalidate();
    },

    async canary(name: string, version: string, percent: number, actor: string): Promise<void> {
      await inTransaction(pool, async (db) => {
        const remote = await requireRemote(db, name);
        await requireVersion(db, name, version);
        const ends = percent === 0 || version === remote.active_version;
        await repo.setVersions(db, name, { ...remote, canary_version: ends ? null : version, canary_percent: ends ? 0 : percent }, actor);
        await repo.audit(db, { actor, action: ends ? 'canary-end' : 'canary', remote: name, version, details: { percent } });
      });
      invalidate();
    },

    /** Back to the version active before the current one; a running canary ends too. */
    async rollback(name: string, actor: string): Promise<string> {
      const target = await inTransaction(pool, async (db) => {
        const remote = await requireRemote(db, name);
        if (!remote.previous_version) throw new BffError('no_previous_version', `${name} has no previous active version`);
        await repo.setVersions(db, name, { active_version: remote.previous_version, previous_version: null, canary_version: null, canary_percent: 0 }, actor);
        await repo.audit(db, { actor, action: 'rollback', remote: name, version: remote.previous_version, details: { from: remote.active_version } });
        return remote.previous_version;
      });
      invalidate();
      return target;
    },

    async createToken(name: string, label: string, actor: string): Promise<CreatedPublishToken> {
      const secret = `co2pub_${randomBytes(32).toString('base64url')}`;
      const row = await inTransaction(pool, async (db) => {
        await requireRemote(db, name);
        const token = await repo.addToken(db, { remote: name, label, tokenHash: hashToken(secret), createdBy: actor });
        await repo.audit(db, { actor, action: 'token-create', remote: name, version: null, details: { id: token.id, label } });
        return token;
      });
      return { token: tokenInfo(row), secret };
    },

    async revokeToken(name: string, id: string, actor: string): Promise<void> {
      await inTransaction(pool, async (db) => {
        const row = await repo.revokeToken(db, name, id);
        if (!row) throw new BffError('not_found', `${name} has no publish token ${id.slice(0, 40)}`);
        await repo.audit(db, { actor, action: 'token-revoke', remote: name, version: null, details: { id } });
      });
    },

    /** The remote a live publish token may publish, else 401. */
    async authorizePublish(secret: string | null): Promise<TokenRow> {
      const row = secret ? await repo.useToken(pool, hashToken(secret)) : null;
      if (!row) throw new BffError('invalid_publish_token');
      return row;
    },

    async reportFailure(name: string, version: string, message: string): Promise<boolean> {
      return repo.setHealth(pool, name, version, 'failing', message.slice(0, 500));
    },

    async adminList(store: string): Promise<RemoteAdminList> {
      const [remotes, versions, tokens, audit] = await Promise.all([repo.remotes(pool), repo.versions(pool), repo.tokens(pool), repo.recentAudit(pool, 20)]);
      return {
        store,
        remotes: remotes.map((r) => ({
          name: r.name,
          activeVersion: r.active_version,
          previousVersion: r.previous_version,
          canaryVersion: r.canary_version,
          canaryPercent: r.canary_percent,
          updatedAt: r.updated_at.toISOString(),
          updatedBy: r.updated_by,
          versions: versions
            .filter((v) => v.remote === r.name)
            .map((v) => ({
              version: v.version,
              entry: v.entry,
              source: v.source,
              checksum: v.checksum,
              sdkVersion: v.sdk_version,
              contractsVersion: v.contracts_version,
              publishedAt: v.published_at.toISOString(),
              publishedBy: v.published_by,
              health: v.health,
              healthMessage: v.health_message,
              healthCheckedAt: iso(v.health_checked_at),
            })),
          tokens: tokens.filter((t) => t.remote === r.name).map(tokenInfo),
          audit: audit.filter((a) => a.remote === r.name).map((a) => ({ at: a.at.toISOString(), actor: a.actor, action: a.action, version: a.version })),
        })),
      };
    },
  };
}

function tokenInfo(row: TokenRow) {
  return {
    id: row.id,
    label: row.label,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}
