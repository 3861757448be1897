// Acceptance 5: sign-out, back-channel logout from the real provider (and tokens signed with its keys),
// my sessions (list, end one, end the others), the admin ending every session of a user.
import { readFileSync } from 'node:fs';
import { generateKeyPairSync, randomUUID, type JsonWebKey } from 'node:crypto';
import { importJWK, SignJWT, type JWTPayload } from 'jose';
import type { CookieJar } from '@co2/deploy/dev-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BffSessionList } from '../../src/http/bff-routes.js';
import { cookieName, signInThroughBff } from '../support/browser.js';
import { sessionIdOf, sessionRows } from '../support/db.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const EVENT = { 'http://schemas.openid.net/event/backchannel-logout': {} };
const json = { 'x-csrf': '1', accept: 'application/json' };
const alive = async (jar: CookieJar) => (await jar.fetch(`${h.origin}/bff/user`)).status === 200;
const postLogoutToken = (token: string) =>
  fetch(`${h.origin}/auth/backchannel-logout`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ logout_token: token }) });

/** A logout token signed with the provider's own key (or another key), claims adjustable. */
async function logoutToken(claims: JWTPayload, options: { foreignKey?: boolean } = {}): Promise<string> {
  const stored = JSON.parse(readFileSync(h.idpKeysFile, 'utf8')) as { jwks: { keys: (JsonWebKey & { kid: string })[] } };
  const providerKey = stored.jwks.keys[0]!;
  const jwk = options.foreignKey ? { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: providerKey.kid } : providerKey;
  const key = await importJWK(jwk as Parameters<typeof importJWK>[0], 'RS256');
  const now = Math.floor(h.clock.now() / 1000);
  const payload: JWTPayload = { iss: h.idp.issuer, aud: h.config.oidc.clientId, iat: now, exp: now + 120, jti: randomUUID(), events: EVENT, ...claims };
  for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: providerKey.kid, typ: 'logout+jwt' }).sign(key);
}

async function signOutAtProvider(jar: CookieJar): Promise<void> {
  const page = await (await jar.fetch(`${h.idp.issuer}/session/end`)).text();
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const confirm = await jar.fetch(`${h.idp.issuer}/session/end/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ xsrf, logout: 'yes' }),
  });
  expect(confirm.status).toBe(303);
}

describe('sign-out', () => {
  it('when POST /auth/logout, then the row is destroyed, the end-session URL returned and the replayed cookie refused', async () => {
    const { jar } = await signInThroughBff(h, 'member');
    const cookie = jar.get(h.origin, cookieName)!;
    const res = await jar.fetch(`${h.origin}/auth/logout`, { method: 'POST', headers: json });
    expect((await res.json()) as object).toMatchObject({ endSessionUrl: expect.stringMatching(new RegExp(`^${h.idp.issuer}/session/end\\?`)) });
    expect((await h.pool.query('SELECT 1 FROM bff.session WHERE sid = $1', [sessionIdOf(cookie)])).rowCount).toBe(0);
    const replay = await fetch(`${h.origin}/api/v1/x`, { headers: { cookie: `${cookieName}=${cookie}` } });
    expect(replay.status).toBe(401);
  });
});

describe('back-channel logout', () => {
  it('when the user signs out at the provider, then the provider’s logout token ends the matching BFF session, and its replay is refused', async () => {
    const { jar } = await signInThroughBff(h, 'principal');
    const { jar: otherBrowser } = await signInThroughBff(h, 'principal'); // another provider session of the same user
    const row = (await sessionRows(h.pool, 'principal')).find((r) => r.sid === sessionIdOf(jar.get(h.origin, cookieName)!))!;
    expect(row.idp_sid).toMatch(/.+/);
    const delivered = h.logoutTokens.length;
    await signOutAtProvider(jar);
    expect(h.logoutTokens.length).toBe(delivered + 1);
    expect(await alive(jar)).toBe(false);
    expect(await alive(otherBrowser)).toBe(true); // only the provider session that ended
    const replay = await postLogoutToken(h.logoutTokens.at(-1)!);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: { code: 'invalid_logout_token', message: expect.stringContaining('replayed') } });
  });

  it('when a token signed by the provider names only the subject, then every session of that subject ends', async () => {
    const a = await signInThroughBff(h, 'reporter');
    const b = await signInThroughBff(h, 'reporter');
    const res = await postLogoutToken(await logoutToken({ sub: 'reporter' }));
    expect(res.status).toBe(200);
    expect(await alive(a.jar)).toBe(false);
    expect(await alive(b.jar)).toBe(false);
    expect(await sessionRows(h.pool, 'reporter')).toEqual([]);
  });

  const now = () => Math.floor(h.clock.now() / 1000);
  it.each<[string, () => Promise<string>]>([
    ['a foreign signature', () => logoutToken({ sub: 'admin' }, { foreignKey: true })],
    ['another audience', () => logoutToken({ sub: 'admin', aud: 'someone-else' })],
    ['another issuer', () => logoutToken({ sub: 'admin', iss: 'http://evil.example' })],
    ['no events claim', () => logoutToken({ sub: 'admin', events: undefined })],
    ['a wrong event', () => logoutToken({ sub: 'admin', events: { 'http://example.com/other': {} } })],
    ['a nonce', () => logoutToken({ sub: 'admin', nonce: 'n' })],
    ['neither sid nor sub', () => logoutToken({})],
    ['an iat 10 minutes old', () => logoutToken({ sub: 'admin', iat: now() - 600, exp: now() + 60 })],
    ['an iat in the future', () => logoutToken({ sub: 'admin', iat: now() + 600, exp: now() + 900 })],
    ['no jti', () => logoutToken({ sub: 'admin', jti: undefined })],
  ])('when the logout token has %s, then 400 invalid_logout_token and no session ends', async (_case, make) => {
    const { jar } = await signInThroughBff(h, 'admin');
    const res = await postLogoutToken(await make());
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_logout_token' } });
    expect(await alive(jar)).toBe(true);
  });
});

describe('my sessions and the admin', () => {
  it('when I list my sessions, then I see each with created, last seen, user agent and IP, mine marked current, and no session id', async () => {
    const a = await signInThroughBff(h, 'member');
    await signInThroughBff(h, 'member');
    const res = await a.jar.fetch(`${h.origin}/bff/sessions`, { headers: { 'user-agent': 'ignored-for-listing' } });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { sessions } = BffSessionList.parse(await res.json());
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    for (const s of sessions) {
      expect(s).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{64}$/), ip: expect.stringMatching(/127\.0\.0\.1|::1/), userAgent: expect.any(String) });
      expect(Date.parse(s.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(s.createdAt));
    }
    const rawIds = (await sessionRows(h.pool, 'member')).map((r) => r.sid);
    for (const s of sessions) expect(rawIds).not.toContain(s.id);
  });

  it('when I end one of my other sessions, then that browser is signed out and mine stays; an unknown id is 404', async () => {
    const mine = await signInThroughBff(h, 'principal');
    const other = await signInThroughBff(h, 'principal');
    const { sessions } = BffSessionList.parse(await (await other.jar.fetch(`${h.origin}/bff/sessions`)).json());
    const otherId = sessions.find((s) => s.current)!.id;
    const res = await mine.jar.fetch(`${h.origin}/bff/sessions/${otherId}`, { method: 'DELETE', headers: json });
    expect(res.status).toBe(204);
    expect(await alive(other.jar)).toBe(false);
    expect(await alive(mine.jar)).toBe(true);
    const again = await mine.jar.fetch(`${h.origin}/bff/sessions/${otherId}`, { method: 'DELETE', headers: json });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ error: { code: 'session_not_found' } });
  });

  it('when I cannot end somebody else’s session by its id', async () => {
    const victim = await signInThroughBff(h, 'reporter');
    const attacker = await signInThroughBff(h, 'member');
    const { sessions } = BffSessionList.parse(await (await victim.jar.fetch(`${h.origin}/bff/sessions`)).json());
    const res = await attacker.jar.fetch(`${h.origin}/bff/sessions/${sessions[0]!.id}`, { method: 'DELETE', headers: json });
    expect(res.status).toBe(404);
    expect(await alive(victim.jar)).toBe(true);
  });

  it('when I revoke the others, then only my current session survives', async () => {
    const others = [await signInThroughBff(h, 'member'), await signInThroughBff(h, 'member')];
    const mine = await signInThroughBff(h, 'member');
    const res = await mine.jar.fetch(`${h.origin}/bff/sessions/revoke-others`, { method: 'POST', headers: json });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ended: number }).ended).toBeGreaterThanOrEqual(2);
    for (const o of others) expect(await alive(o.jar)).toBe(false);
    expect(await alive(mine.jar)).toBe(true);
    expect(await sessionRows(h.pool, 'member')).toHaveLength(1);
  });

  it('when an admin ends every session of a user, then they all end; a non-admin is refused with 403', async () => {
    const targets = [await signInThroughBff(h, 'principal'), await signInThroughBff(h, 'principal')];
    const member = await signInThroughBff(h, 'member');
    const refused = await member.jar.fetch(`${h.origin}/bff/users/principal/sessions`, { method: 'DELETE', headers: json });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden' } });
    for (const t of targets) expect(await alive(t.jar)).toBe(true);
    const admin = await signInThroughBff(h, 'admin');
    const res = await admin.jar.fetch(`${h.origin}/bff/users/principal/sessions`, { method: 'DELETE', headers: json });
    expect(res.status).toBe(200);
    for (const t of targets) expect(await alive(t.jar)).toBe(false);
    expect(await sessionRows(h.pool, 'principal')).toEqual([]);
  });
});
