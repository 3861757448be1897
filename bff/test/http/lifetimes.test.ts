// Acceptance 3: idle timeout, absolute lifetime (injectable clock), the row touched at most once a minute,
// /bff/user reporting the expiry.
import { BffUser } from '@co2/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cookieName, signInThroughBff } from '../support/browser.js';
import { sessionIdOf, sessionRows } from '../support/db.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());
afterEach(() => h.clock.reset());

const MIN = 60_000;
/** GET /bff/user, body read to the end (express-session finishes its save before it ends the response). */
async function user(url: string, cookie: string): Promise<{ status: number; json(): Promise<unknown>; text(): Promise<string> }> {
  const res = await fetch(`${url}/bff/user`, { headers: { cookie: `${cookieName}=${cookie}` } });
  const text = await res.text();
  return { status: res.status, json: async () => JSON.parse(text) as unknown, text: async () => text };
}
const rowOf = async (cookie: string) => (await h.pool.query('SELECT xmin::text AS xmin, last_seen_at, expire FROM bff.session WHERE sid = $1', [sessionIdOf(cookie)])).rows[0];

describe('session lifetimes', () => {
  it('when a session stays idle past 30 minutes, then it ends: 401 session_expired, row deleted', async () => {
    const { jar } = await signInThroughBff(h, 'member');
    const cookie = jar.get(h.origin, cookieName)!;
    h.clock.advance(29 * MIN);
    expect((await user(h.origin, cookie)).status).toBe(200); // activity: last seen moves
    h.clock.advance(29 * MIN);
    expect((await user(h.origin, cookie)).status).toBe(200);
    h.clock.advance(31 * MIN);
    const res = await user(h.origin, cookie);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'session_expired' } });
    expect(await rowOf(cookie)).toBeUndefined();
    expect((await user(h.origin, cookie)).status).toBe(401);
  });

  it('when a session is kept busy, then it still ends at the absolute lifetime (10 h by default)', async () => {
    const { jar } = await signInThroughBff(h, 'principal');
    const cookie = jar.get(h.origin, cookieName)!;
    for (let elapsed = 25; elapsed < 600; elapsed += 25) {
      h.clock.advance(25 * MIN);
      const r = await user(h.origin, cookie);
      expect(r.status, `after ${elapsed} min: ${await r.text()}`).toBe(200);
    }
    h.clock.advance(25 * MIN); // 625 min > 600
    const res = await user(h.origin, cookie);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'session_expired' } });
  });

  it('when the lifetimes are configured, then they apply (idle 5 min, absolute 1 h)', async () => {
    const { jar } = await signInThroughBff(h, 'reporter');
    const cookie = jar.get(h.origin, cookieName)!;
    const short = await h.startBff((c) => ({ ...c, session: { ...c.session, idleTimeoutSeconds: 300, absoluteLifetimeSeconds: 3600 } }));
    const body = BffUser.parse(await (await user(short.url, cookie)).json());
    expect(Date.parse(body.sessionExpiresAt) - h.clock.now()).toBeLessThanOrEqual(5 * MIN);
    h.clock.advance(4 * MIN);
    expect((await user(short.url, cookie)).status).toBe(200);
    h.clock.advance(6 * MIN);
    expect((await user(short.url, cookie)).status).toBe(401);
  });

  it('when requests come often, then the row is written at most once a minute and /bff/user reports the moving expiry', async () => {
    const { jar } = await signInThroughBff(h, 'admin');
    const cookie = jar.get(h.origin, cookieName)!;
    const initial = await rowOf(cookie);
    const first = BffUser.parse(await (await user(h.origin, cookie)).json());
    for (const step of [10_000, 20_000, 25_000]) {
      h.clock.advance(step); // 55 s in total
      expect((await user(h.origin, cookie)).status).toBe(200);
    }
    expect(await rowOf(cookie)).toEqual(initial);
    h.clock.advance(6_000); // 61 s: due
    const moved = BffUser.parse(await (await user(h.origin, cookie)).json());
    const touched = await rowOf(cookie);
    expect(touched.xmin).not.toBe(initial.xmin);
    expect(touched.last_seen_at.getTime()).toBeGreaterThan(initial.last_seen_at.getTime());
    expect(Date.parse(moved.sessionExpiresAt) - Date.parse(first.sessionExpiresAt)).toBeGreaterThanOrEqual(60_000);
    await Promise.all(Array.from({ length: 5 }, () => user(h.origin, cookie)));
    h.clock.advance(30_000);
    expect((await user(h.origin, cookie)).status).toBe(200);
    expect(await rowOf(cookie)).toEqual(touched);
  });

  it('when a session is listed, then its row carries the indexed subject, created and last-seen times', async () => {
    const rows = await sessionRows(h.pool, 'admin');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.expire.getTime()).toBeGreaterThan(row.last_seen_at.getTime());
  });
});
