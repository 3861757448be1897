// The in-process session read cache (docs/adr/0003-bff-security.md): on the instance that ends a session the
// end takes effect at once, also right after the session was read (and cached); another instance sees it
// within SESSION_READ_CACHE_MS; every request gets its own copy of the session.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedQuery } from '../../src/db/bounded-query.js';
import { createPgStore, type CachedSession } from '../../src/session/pg-store.js';
import { sessionReadCache } from '../../src/session/read-cache.js';
import { cookieName, signInThroughBff } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const json = { 'x-csrf': '1', accept: 'application/json' };
const status = async (origin: string, cookie: string, path = '/api/v1/x') => (await fetch(`${origin}${path}`, { headers: { cookie: `${cookieName}=${cookie}` } })).status;

describe('session read cache', () => {
  it('when a session was just read and is then signed out on the same instance, then the replayed cookie is refused at once', async () => {
    const { jar } = await signInThroughBff(h, 'member');
    const cookie = jar.get(h.origin, cookieName)!;
    expect(await status(h.origin, cookie)).toBe(200);
    expect(await status(h.origin, cookie, '/bff/user')).toBe(200);
    expect((await jar.fetch(`${h.origin}/auth/logout`, { method: 'POST', headers: json })).status).toBe(200);
    expect(await status(h.origin, cookie)).toBe(401);
    expect(await status(h.origin, cookie, '/bff/user')).toBe(401);
  });

  it('when other sessions are revoked on the same instance right after they were read, then they end at once', async () => {
    const first = await signInThroughBff(h, 'reporter');
    const second = await signInThroughBff(h, 'reporter');
    const other = second.jar.get(h.origin, cookieName)!;
    expect(await status(h.origin, other)).toBe(200);
    expect((await first.jar.fetch(`${h.origin}/bff/sessions/revoke-others`, { method: 'POST', headers: json })).status).toBe(200);
    expect(await status(h.origin, other)).toBe(401);
    expect(await status(h.origin, first.jar.get(h.origin, cookieName)!)).toBe(200);
  });

  it('when a session ends through another instance, then this instance refuses it after at most SESSION_READ_CACHE_MS', async () => {
    const other = await h.startBff((c) => c);
    const { jar } = await signInThroughBff(h, 'principal');
    const cookie = jar.get(h.origin, cookieName)!;
    expect(await status(other.url, cookie)).toBe(200); // read (and cached) by the other instance
    expect((await jar.fetch(`${h.origin}/auth/logout`, { method: 'POST', headers: json })).status).toBe(200);
    expect(await status(h.origin, cookie)).toBe(401);
    await h.outlastReadCache();
    expect(await status(other.url, cookie)).toBe(401);
  });

  it('when the same cached session is read twice, then each read is its own object', async () => {
    const query = boundedQuery(h.pool, 1_000);
    const cache = sessionReadCache<CachedSession>({ ttlMs: 60_000 });
    const store = createPgStore(query, h.config.session, cache, () => undefined);
    const sid = `test-${randomUUID()}`;
    const now = Date.now();
    const set = (sess: object) => new Promise<void>((resolve, reject) => store.set(sid, sess as never, (err) => (err ? reject(err) : resolve())));
    const get = () => new Promise<Record<string, unknown> | null | undefined>((resolve, reject) => store.get(sid, (err, s) => (err ? reject(err) : resolve(s as never))));
    await set({ cookie: {}, createdAt: now, lastSeenAt: now, userAgent: 'a' });
    const one = (await get())!;
    expect(cache.size).toBe(1);
    one.userAgent = 'changed in one request';
    expect((await get())!.userAgent).toBe('a');
    await set({ cookie: {}, createdAt: now, lastSeenAt: now, userAgent: 'b' });
    expect(cache.size).toBe(0);
    expect((await get())!.userAgent).toBe('b');
    await new Promise<void>((resolve) => store.destroy(sid, () => resolve()));
    expect(await get()).toBeNull();
  });
});

