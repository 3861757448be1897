// Acceptance 1: session ids, fixation, login transaction bound to the browser and single-use.
import { CookieJar } from '@co2/deploy/dev-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieName, reachCallback, signInThroughBff } from '../support/browser.js';
import { sessionIdOf } from '../support/db.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const sessionCount = async () => Number((await h.pool.query<{ n: string }>('SELECT count(*) AS n FROM bff.session')).rows[0]!.n);

describe('session cookie and login transaction', () => {
  it('when sessions are created, then each id carries at least 128 random bits (256: 43 base64url characters) and is signed', async () => {
    const ids = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const res = await fetch(`${h.origin}/auth/login`, { redirect: 'manual' });
        const value = res.headers.getSetCookie()[0]!.split(';')[0]!.slice(cookieName.length + 1);
        expect(decodeURIComponent(value)).toMatch(/^s:[A-Za-z0-9_-]{43}\.[A-Za-z0-9+/]{43}$/);
        return sessionIdOf(value);
      }),
    );
    for (const id of ids) expect(Buffer.from(id, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('when sign-in completes, then the pre-login cookie no longer works (fixation)', async () => {
    const { jar, preLoginCookie } = await signInThroughBff(h, 'member');
    const after = jar.get(h.origin, cookieName)!;
    expect(sessionIdOf(after)).not.toBe(sessionIdOf(preLoginCookie));
    const withCookie = (value: string) => fetch(`${h.origin}/bff/user`, { headers: { cookie: `${cookieName}=${value}` } });
    expect((await withCookie(preLoginCookie)).status).toBe(401);
    expect((await withCookie(after)).status).toBe(200);
    const { rowCount } = await h.pool.query('SELECT 1 FROM bff.session WHERE sid = $1', [sessionIdOf(preLoginCookie)]);
    expect(rowCount).toBe(0);
  });

  it('when the callback is replayed (same browser, or with the pre-login cookie), then it fails cleanly with 400 login_expired', async () => {
    const { jar, preLoginCookie, callbackUrl } = await signInThroughBff(h, 'principal');
    const before = await sessionCount();
    const again = await jar.fetch(callbackUrl);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: { code: 'login_expired' } });
    const withPreLogin = await fetch(callbackUrl, { redirect: 'manual', headers: { cookie: `${cookieName}=${preLoginCookie}` } });
    expect(withPreLogin.status).toBe(400);
    expect(await withPreLogin.json()).toMatchObject({ error: { code: 'login_expired' } });
    expect(await sessionCount()).toBe(before);
    expect((await jar.fetch(`${h.origin}/bff/user`)).status).toBe(200); // the real session is unharmed
  });

  it('when another browser delivers the callback, then it is refused and the starting browser can still finish', async () => {
    const { jar, callbackUrl } = await reachCallback(h, 'reporter');
    const otherBrowser = new CookieJar();
    const stolen = await otherBrowser.fetch(callbackUrl);
    expect(stolen.status).toBe(400);
    expect(await stolen.json()).toMatchObject({ error: { code: 'login_expired' } });
    const own = await jar.fetch(callbackUrl);
    await own.text();
    expect(own.status).toBe(303);
    expect((await jar.fetch(`${h.origin}/bff/user`)).status).toBe(200);
  });

  it('when two callbacks with the same state race, then exactly one signs in', async () => {
    const { jar, callbackUrl } = await reachCallback(h, 'admin');
    const cookie = `${cookieName}=${jar.get(h.origin, cookieName)}`;
    const results = await Promise.all([1, 2].map(() => fetch(callbackUrl, { redirect: 'manual', headers: { cookie } }).then(async (r) => (await r.text(), r.status))));
    expect(results.sort()).toEqual([303, 400]);
  });
});
