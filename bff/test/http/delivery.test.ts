// Independent delivery over real HTTP and a real PostgreSQL: an administrator creates a publish token, a team
// publishes with the CLI's code, the administrator promotes, canaries and rolls back; refusals are explicit.
import { RemoteAdminList, RemoteRegistry } from '@co2/contracts';
import type { CookieJar } from '@co2/deploy/dev-idp';
import { publishDir } from '@co2/shell-sdk/publish';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inCanary } from '../../src/remotes/canary.js';
import { s3RemoteStore } from '../../src/remotes/s3-store.js';
import { builtRemote, type BuiltRemote } from '../support/artifacts.js';
import { signInThroughBff } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';

let h: Harness;
let admin: CookieJar;
let s3: S3Server;
const built: BuiltRemote[] = [];
beforeAll(async () => {
  h = await startHarness();
  s3 = await startS3Server();
  admin = (await signInThroughBff(h, 'admin')).jar;
});
afterAll(async () => {
  for (const b of built) b.remove();
  await s3?.close();
  await h?.close();
});

const csrf = { 'x-csrf': '1', 'content-type': 'application/json' };
const build = (options: Parameters<typeof builtRemote>[0]) => {
  const b = builtRemote(options);
  built.push(b);
  return b.dir;
};

async function adminPost(path: string, body?: unknown): Promise<Response> {
  return admin.fetch(`${h.origin}${path}`, { method: 'POST', headers: csrf, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function createToken(remote: string, label = 'travel team CI'): Promise<{ id: string; secret: string }> {
  const res = await adminPost(`/bff/admin/remotes/${remote}/tokens`, { label });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { token: { id: string }; secret: string };
  return { id: body.token.id, secret: body.secret };
}

async function registryOf(jar: CookieJar | null, origin = h.origin): Promise<Record<string, { entry: string; version: string }>> {
  const res = jar ? await jar.fetch(`${origin}/portal/remotes.json`) : await fetch(`${origin}/portal/remotes.json`);
  const registry = RemoteRegistry.parse(await res.json());
  return Object.fromEntries(registry.remotes.map((r) => [r.name, { entry: r.entry, version: r.version }]));
}

async function adminList(): Promise<RemoteAdminList> {
  return RemoteAdminList.parse(await (await admin.fetch(`${h.origin}/bff/admin/remotes`)).json());
}

describe('independent delivery of a remote', () => {
  it('when a team publishes, the admin promotes and rolls back, then the registry follows and the other remotes are untouched', async () => {
    const before = await registryOf(admin);
    const token = await createToken('mf_travel');
    const published = await publishDir({ dir: build({ version: '0.2.0' }), portal: h.origin, token: token.secret });
    expect(published).toMatchObject({ remote: 'mf_travel', version: '0.2.0', entry: '/remotes/mf_travel/0.2.0/remoteEntry.js', alreadyPublished: false });

    // Published is not promoted: everyone still gets the seed.
    expect(await registryOf(admin)).toEqual(before);
    const entry = await fetch(`${h.origin}/remotes/mf_travel/0.2.0/remoteEntry.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(entry.status).toBe(200);
    expect(entry.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(entry.headers.get('content-type')).toMatch(/javascript/);
    expect(await entry.text()).toContain('"mf_travel"');
    const brotli = await fetch(`${h.origin}/remotes/mf_travel/0.2.0/assets/lifecycle-Ef56Gh78.js`, { headers: { 'accept-encoding': 'br' } });
    expect(brotli.headers.get('content-encoding')).toBe('br');

    expect((await adminPost('/bff/admin/remotes/mf_travel/promote', { version: '0.2.0' })).status).toBe(200);
    const promoted = await registryOf(admin);
    expect(promoted.mf_travel).toEqual({ entry: '/remotes/mf_travel/0.2.0/remoteEntry.js', version: '0.2.0' });
    for (const other of ['mf_inventory', 'mf_dashboard', 'mf_backoffice']) expect(promoted[other]).toEqual(before[other]);
    expect((await registryOf(null)).mf_travel?.version).toBe('0.2.0'); // signed-out visitors too

    const rolledBack = RemoteAdminList.parse(await (await adminPost('/bff/admin/remotes/mf_travel/rollback')).json());
    expect(rolledBack.remotes.find((r) => r.name === 'mf_travel')?.activeVersion).toBe(before.mf_travel!.version);
    expect(await registryOf(admin)).toEqual(before);

    const travel = (await adminList()).remotes.find((r) => r.name === 'mf_travel')!;
    expect(travel.versions.find((v) => v.version === '0.2.0')).toMatchObject({ source: 'published', publishedBy: 'token:travel team CI', health: 'ok' });
    expect(travel.audit.map((a) => a.action)).toEqual(['rollback', 'promote', 'publish', 'token-create']);
    expect(travel.audit[1]!.actor).toMatch(/admin/);
  });

  it('when a canary runs at 50 %, then each user keeps one side and the sides follow the stable hash', async () => {
    const token = await createToken('mf_travel');
    await publishDir({ dir: build({ version: '0.3.0' }), portal: h.origin, token: token.secret });
    expect((await adminPost('/bff/admin/remotes/mf_travel/canary', { version: '0.3.0', percent: 50 })).status).toBe(200);
    const users = ['admin', 'member', 'principal', 'reporter'];
    const jars = await Promise.all(users.map(async (u) => (u === 'admin' ? admin : (await signInThroughBff(h, u)).jar)));
    for (const [i, jar] of jars.entries()) {
      const sub = ((await (await jar.fetch(`${h.origin}/bff/user`)).json()) as { sub: string }).sub;
      const expected = inCanary('mf_travel', sub, 50) ? '0.3.0' : (await registryOf(null)).mf_travel!.version;
      for (let n = 0; n < 3; n += 1) expect((await registryOf(jar)).mf_travel?.version, users[i]).toBe(expected);
    }
    expect((await registryOf(null)).mf_travel?.version).not.toBe('0.3.0'); // no user, no canary
    expect((await adminPost('/bff/admin/remotes/mf_travel/canary', { version: '0.3.0', percent: 100 })).status).toBe(200);
    for (const jar of jars) expect((await registryOf(jar)).mf_travel?.version).toBe('0.3.0');
    expect((await adminPost('/bff/admin/remotes/mf_travel/canary', { version: '0.3.0', percent: 0 })).status).toBe(200);
    for (const jar of jars) expect((await registryOf(jar)).mf_travel?.version).not.toBe('0.3.0');
  });

  it('when an entry does not load, the sdk major differs, the token is revoked or for another remote, then publishing is refused with a clear message', async () => {
    const token = await createToken('mf_travel');
    const publish = (dir: string, secret = token.secret) => publishDir({ dir, portal: h.origin, token: secret });

    await expect(publish(build({ version: '0.4.0', entry: 'export const broken = ;\n' }))).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/remoteEntry\.js does not load: SyntaxError/),
    });
    await expect(publish(build({ version: '0.4.1', entry: 'import "./assets/missing-Zz99Yy88.js"; export const n = "mf_travel ./lifecycle";\n' }))).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/does not contain: assets\/missing-Zz99Yy88\.js/),
    });
    await expect(publish(build({ version: '0.4.2', builtAgainst: { '@co2/shell-sdk': '1.0.0' } }))).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/built against @co2\/shell-sdk 1\.0\.0; this portal runs 0\.1\.\d+ \(needs 0\.1\.x\)/),
    });
    await expect(publish(build({ name: 'mf_dashboard', version: '0.4.3' }))).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/publishes mf_travel only/) });
    expect(await publish(build({ version: '0.2.0' }))).toMatchObject({ alreadyPublished: true }); // the same bytes again
    const otherBytes = build({ version: '0.2.0', entry: 'import "./assets/share-Ab12Cd34.js"; export const n = "mf_travel ./lifecycle changed";\n' });
    await expect(publish(otherBytes)).rejects.toMatchObject({ status: 409, code: 'version_conflict' });
    const list = await adminList();
    expect(list.remotes.find((r) => r.name === 'mf_travel')!.versions.map((v) => v.version)).not.toContain('0.4.0');

    expect((await admin.fetch(`${h.origin}/bff/admin/remotes/mf_travel/tokens/${token.id}`, { method: 'DELETE', headers: csrf })).status).toBe(200);
    await expect(publish(build({ version: '0.5.0' }))).rejects.toMatchObject({ status: 401, code: 'invalid_publish_token' });
    await expect(publish(build({ version: '0.5.0' }), 'co2pub_guessed')).rejects.toMatchObject({ status: 401 });
  });

  it('when someone other than an administrator, or a request without the CSRF header, manages remotes, then it is refused', async () => {
    const { jar: member } = await signInThroughBff(h, 'member');
    expect((await member.fetch(`${h.origin}/bff/admin/remotes`)).status).toBe(403);
    expect((await member.fetch(`${h.origin}/bff/admin/remotes/mf_travel/rollback`, { method: 'POST', headers: csrf })).status).toBe(403);
    expect((await fetch(`${h.origin}/bff/admin/remotes`)).status).toBe(401);
    const noCsrf = await admin.fetch(`${h.origin}/bff/admin/remotes/mf_travel/promote`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"version":"0.2.0"}' });
    expect(noCsrf.status).toBe(403);
    const bad = await adminPost('/bff/admin/remotes/mf_travel/canary', { version: '0.3.0', percent: 150 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/percent/);
    expect((await adminPost('/bff/admin/remotes/mf_travel/promote', { version: '9.9.9' })).status).toBe(404);
  });

  it('when a signed-in browser reports that a version failed to load, then the back office shows it failing', async () => {
    const res = await admin.fetch(`${h.origin}/bff/remote-failures`, { method: 'POST', headers: csrf, body: JSON.stringify({ name: 'mf_travel', version: '0.2.0', message: 'RUNTIME-008' }) });
    expect(res.status).toBe(202);
    const v = (await adminList()).remotes.find((r) => r.name === 'mf_travel')!.versions.find((x) => x.version === '0.2.0');
    expect(v).toMatchObject({ health: 'failing', healthMessage: 'RUNTIME-008' });
  });

  it('when the store is S3-compatible, then a published version is stored there and served from it', async () => {
    const store = s3RemoteStore(s3.config);
    const bff = await h.startBff((c) => c, { remoteStore: store });
    const token = await createToken('mf_travel', 'via s3');
    await publishDir({ dir: build({ version: '0.6.0' }), portal: bff.url, token: token.secret });
    expect(await store.list('mf_travel/0.6.0/')).toContain('mf_travel/0.6.0/remoteEntry.js');
    const res = await fetch(`${bff.url}/remotes/mf_travel/0.6.0/remoteEntry.js`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('0.6.0');
  });
});
