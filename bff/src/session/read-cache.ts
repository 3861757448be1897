// A short-lived, bounded, in-process cache of session rows in front of the store's `get`:
// a signed-in browser's API calls then cost no Postgres round trip for `ttlMs`. Every write through this
// instance (save, destroy, regenerate, sign-out, back-channel logout, revocation) forgets the entry, so on
// this instance a change takes effect at once; a change made by another instance is seen within `ttlMs`
// (docs/adr/0003-bff-security.md). A read that started before any invalidation is not cached (a global
// write counter), so a slow read can never put back a row that was changed or deleted meanwhile.
export interface SessionReadCache<T> {
  /** The cached row, if fresh. */
  get(sid: string): T | undefined;
  /** A token to pass to `put` for a read that starts now. */
  begin(): number;
  /** Caches `row` unless some entry was invalidated since `token` was taken. */
  put(sid: string, row: T, token: number): void;
  forget(sid: string): void;
  /** Forgets everything (a write whose outcome is unknown). */
  clear(): void;
  readonly size: number;
}

export interface ReadCacheOptions {
  ttlMs: number;
  maxEntries?: number;
  /** Monotonic milliseconds; tests move it. */
  now?: () => number;
}

export function sessionReadCache<T = string>({ ttlMs, maxEntries = 10_000, now = () => performance.now() }: ReadCacheOptions): SessionReadCache<T> {
  const entries = new Map<string, { row: T; until: number }>();
  let writes = 0;
  return {
    get(sid) {
      const hit = entries.get(sid);
      if (!hit) return undefined;
      if (now() < hit.until) return hit.row;
      entries.delete(sid);
      return undefined;
    },
    begin: () => writes,
    put(sid, row, token) {
      if (ttlMs <= 0 || token !== writes) return;
      entries.delete(sid); // re-insert: the Map's order is the eviction order
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(sid, { row, until: now() + ttlMs });
    },
    forget(sid) {
      writes += 1;
      entries.delete(sid);
    },
    clear() {
      writes += 1;
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
