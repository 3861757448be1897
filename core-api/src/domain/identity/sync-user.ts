import type { UserRepository } from '../../repositories/index.js';
import type { Clock } from '../clock.js';
import type { TokenIdentity, User } from './user.js';

export interface SyncUserDeps {
  users: Pick<UserRepository, 'upsertFromToken'>;
  clock: Clock;
  /** `last_seen_at` is refreshed at most this often per user (default 60 s). */
  touchAfterSeconds?: number;
  /** Users remembered in memory (default 10,000; oldest dropped first). */
  cacheSize?: number;
}

/**
 * Records the token's user: inserts new users, updates changed email/name/institutional id, refreshes `last_seen_at` at most once
 * per interval. Between those writes a request costs no database round trip.
 */
export function createSyncUser(deps: SyncUserDeps): (identity: TokenIdentity) => Promise<User> {
  const touchAfterMs = (deps.touchAfterSeconds ?? 60) * 1_000;
  const cacheSize = deps.cacheSize ?? 10_000;
  const cache = new Map<string, { user: User; syncedAt: number }>();

  return async (identity) => {
    const now = deps.clock.now();
    const hit = cache.get(identity.subject);
    if (
      hit &&
      now - hit.syncedAt < touchAfterMs &&
      hit.user.email === identity.email &&
      hit.user.displayName === identity.displayName &&
      hit.user.institutionalId === identity.institutionalId
    ) {
      return hit.user;
    }
    const user = await deps.users.upsertFromToken(identity, { touchAfterSeconds: touchAfterMs / 1_000 });
    cache.delete(identity.subject);
    cache.set(identity.subject, { user, syncedAt: now });
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    return user;
  };
}
