// Acceptance 4: refresh shortly before expiry, exactly one refresh (counted at the provider) for ten
// concurrent calls, refused refresh → 401 session_expired and the session destroyed. (Revocation at
// sign-out: sign-in.test.ts "when signing out…" checks the refresh token is dead at the provider.)
import type { CookieJar } from '@co2/deploy/dev-idp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cookieName, signInThroughBff } from '../support/browser.js';
import { sessionIdOf } from '../support/db.js';
import { startHarness, type Harness } from '../support/harness.js';
import type { EchoedRequest } from '../support/servers.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());
afterEach(() => h.clock.reset());

const bearer = async (jar: CookieJar) => {
  const res = await jar.fetch(`${h.origin}/api/v1/x`);
  const echo = (await res.json()) as EchoedRequest;
  return { status: res.status, token: String(echo.headers?.authorization ?? '').replace(/^Bearer /, '') };
};
const storedTokens = async (jar: CookieJar) =>
  (await h.pool.query<{ sess: { tokens: { accessToken: string; expiresAt: number } } }>('SELECT sess FROM bff.session WHERE sid = $1', [sessionIdOf(jar.get(h.origin, cookieName)!)]))
    .rows[0]?.sess.tokens;

describe('tokens stay server-side and are refreshed', () => {
  it('when the access token has more than a minute left, then no refresh; within the last minute, then one refresh', async () => {
    const { jar } = await signInThroughBff(h, 'member');
    const first = await bearer(jar);
    const grants = h.refreshGrants();
    h.clock.advance(8 * 60_000); // 600 s token: 2 minutes left
    expect((await bearer(jar)).token).toBe(first.token);
    expect(h.refreshGrants()).toBe(grants);
    h.clock.advance(90_000); // 30 s left
    const refreshed = await bearer(jar);
    expect(refreshed.status).toBe(200);
    expect(refreshed.token).not.toBe(first.token);
    expect(h.refreshGrants()).toBe(grants + 1);
    expect((await storedTokens(jar))?.accessToken).toBe(refreshed.token);
  });

  it('when a refresh is the only change of the session (last seen moved seconds ago), then the new tokens are stored all the same', async () => {
    const { jar } = await signInThroughBff(h, 'member');
    const first = await bearer(jar);
    h.clock.advance(530_000); // about 70 s left: no refresh, "last seen" moves
    expect((await bearer(jar)).token).toBe(first.token);
    h.clock.advance(15_000); // about 55 s left: refresh; "last seen" is 15 s old and stays
    const refreshed = await bearer(jar);
    expect(refreshed.token).not.toBe(first.token);
    expect((await storedTokens(jar))?.accessToken).toBe(refreshed.token);
    await h.outlastReadCache();
    expect((await bearer(jar)).token).toBe(refreshed.token);
  });

  it('when ten API calls run concurrently with an expiring token, then the provider sees exactly one refresh and all use its token', async () => {
    const { jar } = await signInThroughBff(h, 'principal');
    const before = await bearer(jar);
    const grants = h.refreshGrants();
    h.clock.advance(10 * 60_000);
    const results = await Promise.all(Array.from({ length: 10 }, () => bearer(jar)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const tokens = new Set(results.map((r) => r.token));
    expect(tokens.size).toBe(1);
    expect([...tokens][0]).not.toBe(before.token);
    expect(h.refreshGrants() - grants).toBe(1);
  });

  it('when the refresh is refused, then 401 session_expired and the session row is gone', async () => {
    const { jar } = await signInThroughBff(h, 'reporter');
    const sid = sessionIdOf(jar.get(h.origin, cookieName)!);
    await h.pool.query(`UPDATE bff.session SET sess = jsonb_set(sess::jsonb, '{tokens,refreshToken}', '"revoked-or-bogus"')::json WHERE sid = $1`, [sid]);
    await h.outlastReadCache();
    h.clock.advance(10 * 60_000);
    const res = await jar.fetch(`${h.origin}/api/v1/x`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'session_expired' } });
    expect((await h.pool.query('SELECT 1 FROM bff.session WHERE sid = $1', [sid])).rowCount).toBe(0);
    expect((await jar.fetch(`${h.origin}/bff/user`)).status).toBe(401);
  });

  it('when the browser asks who it is, then no token is in the answer', async () => {
    const { jar } = await signInThroughBff(h, 'admin');
    const text = await (await jar.fetch(`${h.origin}/bff/user`)).text();
    expect(text).not.toMatch(/eyJ|token/i);
  });
});
