// Independent delivery with the portal running (issue 15): the travel team builds a new version with a visible
// change, publishes it with the publish token an administrator created on /backoffice/portal, the administrator
// promotes it → the next page load shows it, the other remotes' entries are byte-for-byte unchanged, a member
// who had the old version open is offered a reload; roll back → the old version on the next load; a 50 % canary
// keeps each user on the side the stable hash gives; a build against another sdk major, an entry that does not load
// and a revoked token are refused. No shell rebuild, no BFF or core-api restart. (More canary cases and refusals:
// bff/test/http/delivery.test.ts.)
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { RemoteRegistry } from '@co2/contracts';
import { ARTIFACT_FILE, artifactManifest } from '@co2/shell-sdk/artifact';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const run = promisify(execFile);
const portalUrl = inject('portalUrl');
const ROOT = path.resolve(import.meta.dirname, '..');
const VERSION = '0.1.1-e2e';
const VISIBLE = `Travel ${VERSION} — independent delivery`;

let browser: Browser;
let adminContext: BrowserContext;
let memberContext: BrowserContext;
let admin: Page;
let member: Page;
let workDir: string;
beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'co2-delivery-'));
  browser = await launchBrowser();
  adminContext = await browser.newContext();
  memberContext = await browser.newContext();
  admin = await adminContext.newPage();
  member = await memberContext.newPage();
  await signIn(admin, portalUrl, 'admin');
  await signIn(member, portalUrl, 'member');
});
afterAll(async () => {
  await adminContext?.close();
  await memberContext?.close();
  await browser?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function registry(context: BrowserContext): Promise<Map<string, { entry: string; version: string }>> {
  const res = await context.request.get(`${portalUrl}/portal/remotes.json`);
  return new Map(RemoteRegistry.parse(await res.json()).remotes.map((r) => [r.name, { entry: r.entry, version: r.version }]));
}

async function entryBytes(context: BrowserContext, entry: string): Promise<string> {
  return (await (await context.request.get(new URL(entry, portalUrl).href)).body()).toString('base64');
}

/** `npm run publish -w @co2/mf-travel` as the team runs it; resolves with its output, rejects with its message. */
async function publish(dist: string, token: string): Promise<string> {
  const { stdout } = await run('npm', ['run', 'publish', '-w', '@co2/mf-travel', '--', '--portal', portalUrl, '--dist', dist], {
    cwd: ROOT,
    env: { ...process.env, CO2_PUBLISH_TOKEN: token },
  });
  return stdout;
}

async function openPortalPage(): Promise<void> {
  await admin.goto(`${portalUrl}/backoffice/portal?remote=mf_travel`);
  await admin.getByTestId('portal-summary').waitFor();
}

async function confirmDialog(): Promise<void> {
  await admin.getByTestId('ui-confirm-ok').click();
  await admin.getByTestId('ui-confirm').waitFor({ state: 'detached' });
}

describe('independent delivery of mf-travel', () => {
  let token = '';
  const dist = () => path.join(workDir, 'dist');
  /** The published build, changed and stamped again as a build would (the CLI checks the checksum before sending). */
  const variant = (name: string, change: (dir: string) => void): string => {
    const dir = path.join(workDir, name);
    cpSync(dist(), dir, { recursive: true });
    change(dir);
    const manifest = artifactManifest({ dir, root: path.join(ROOT, 'mf-travel'), name: 'mf_travel', version: `0.1.2-${name}` });
    if (name === 'sdk') manifest.builtAgainst['@co2/shell-sdk'] = '1.0.0';
    writeFileSync(path.join(dir, ARTIFACT_FILE), JSON.stringify(manifest));
    return dir;
  };

  it('when the administrator creates a publish token and the team publishes a new build, then it is listed but nobody gets it yet', { timeout: 240_000 }, async () => {
    await openPortalPage();
    await admin.getByLabel('Label (who uses it)').fill('travel team');
    await admin.getByTestId('portal-token-create').click();
    const secret = await admin.getByTestId('portal-token-secret').innerText();
    token = /co2pub_[A-Za-z0-9_-]+/.exec(secret)?.[0] ?? '';
    expect(token).not.toBe('');

    await run(process.execPath, [path.join(ROOT, 'e2e/support/build-remote-variant.mjs'), 'mf-travel', dist(), VERSION, VISIBLE], { cwd: ROOT });
    const before = await registry(memberContext);
    const out = await publish(dist(), token);
    expect(out).toContain(`mf_travel ${VERSION} published`);
    expect(await registry(memberContext)).toEqual(before);

    await openPortalPage();
    const row = admin.getByTestId(`portal-version-${VERSION}`);
    await expect(row.innerText()).resolves.toContain('token:travel team');
    await expect(admin.getByTestId(`portal-health-${VERSION}`).innerText()).resolves.toContain('loads');
  });

  it('when it is promoted, then the next page load shows it, a member with the old version open is offered a reload, and the other remotes are untouched', { timeout: 120_000 }, async () => {
    await member.goto(`${portalUrl}/travel?unit=LAB-CARBON&year=2025`);
    await member.getByTestId('travel-page').waitFor();
    expect(await member.getByTestId('remote-variant').count()).toBe(0);
    const before = await registry(memberContext);
    const otherBytes = new Map<string, string>();
    for (const [name, r] of before) if (name !== 'mf_travel') otherBytes.set(name, await entryBytes(memberContext, r.entry));

    await openPortalPage();
    await admin.getByTestId(`portal-promote-${VERSION}`).click();
    await confirmDialog();
    await expect(admin.getByTestId('portal-active-version').innerText()).resolves.toBe(VERSION);

    // The member's page already runs the old travel code: the next navigation offers a reload.
    await member.waitForTimeout(5_200); // the shell checks the registry at most every 5 s
    await member.getByTestId('nav-home').click();
    await member.getByTestId('nav-travel').click();
    await member.getByTestId('remote-update').waitFor({ timeout: 15_000 });
    await expect(member.getByTestId('remote-update').innerText()).resolves.toContain(VERSION);
    await member.getByTestId('remote-update-reload').click();
    await member.getByTestId('remote-variant').waitFor({ timeout: 20_000 });
    await expect(member.getByTestId('remote-variant').innerText()).resolves.toBe(VISIBLE);
    await member.getByTestId('travel-page').waitFor();

    const after = await registry(memberContext);
    expect(after.get('mf_travel')).toEqual({ entry: `/remotes/mf_travel/${VERSION}/remoteEntry.js`, version: VERSION });
    for (const [name, r] of before) {
      if (name === 'mf_travel') continue;
      expect(after.get(name), name).toEqual(r);
      expect(await entryBytes(memberContext, r.entry), name).toBe(otherBytes.get(name));
    }
  });

  it('when it is rolled back, then the old version is back on the next load', { timeout: 60_000 }, async () => {
    const seed = (await registry(adminContext)).get('mf_travel');
    expect(seed?.version).toBe(VERSION);
    await openPortalPage();
    await admin.getByTestId('portal-rollback').click();
    await confirmDialog();
    await expect(admin.getByTestId('portal-active-version').innerText()).resolves.not.toBe(VERSION);

    await member.goto(`${portalUrl}/travel?unit=LAB-CARBON&year=2025`);
    await member.getByTestId('travel-page').waitFor();
    expect(await member.getByTestId('remote-variant').count()).toBe(0);
    expect((await registry(memberContext)).get('mf_travel')?.entry).toBe('/remotes/travel/remoteEntry.js');
  });

  it('when a canary runs at 50 %, then each signed-in user keeps the side the stable hash gives and sees that version', { timeout: 90_000 }, async () => {
    const principalContext = await browser.newContext();
    try {
      const principal = await principalContext.newPage();
      await signIn(principal, portalUrl, 'principal');
      const stable = (await registry(memberContext)).get('mf_travel')!.version;
      await openPortalPage();
      await admin.getByLabel('Canary share (%)').fill('50');
      await admin.getByTestId(`portal-canary-${VERSION}`).click();
      await expect.poll(() => admin.getByTestId('portal-canary').innerText()).toContain(`${VERSION} for 50%`);

      for (const [context, page] of [
        [memberContext, member],
        [principalContext, principal],
      ] as const) {
        const { sub } = (await (await context.request.get(`${portalUrl}/bff/user`)).json()) as { sub: string };
        // The rule of ADR 0008: sha256(remote NUL sub), first 4 bytes mod 100, below the percentage.
        const bucket = createHash('sha256').update(`mf_travel\0${sub}`).digest().readUInt32BE(0) % 100;
        const expected = bucket < 50 ? VERSION : stable;
        for (let n = 0; n < 3; n += 1) expect((await registry(context)).get('mf_travel')?.version, sub).toBe(expected);
        await page.goto(`${portalUrl}/travel?unit=LAB-CARBON&year=2025`);
        await page.getByTestId('travel-page').waitFor();
        expect(await page.getByTestId('remote-variant').count(), sub).toBe(expected === VERSION ? 1 : 0);
      }
      await admin.getByTestId('portal-end-canary').click();
      await expect.poll(() => admin.getByTestId('portal-canary').innerText()).toBe('none');
      expect((await registry(memberContext)).get('mf_travel')?.version).toBe(stable);
    } finally {
      await principalContext.close();
    }
  });

  it('when a promoted version fails in the browser, then the area shows the module-unavailable notice and the back office shows that version failing', { timeout: 90_000 }, async () => {
    const failing = variant('runtime', (dir) => {
      const assets = path.join(dir, 'assets');
      const lifecycle = readdirSync(assets).find((f) => /^lifecycle-.*\.js$/.test(f))!;
      for (const copy of ['.br', '.gz']) rmSync(path.join(assets, lifecycle + copy), { force: true });
      writeFileSync(path.join(assets, lifecycle), 'throw new Error("travel 0.1.2-runtime cannot start");\n');
    });
    expect(await publish(failing, token)).toContain('published');
    await openPortalPage();
    await admin.getByTestId('portal-promote-0.1.2-runtime').click();
    await confirmDialog();

    await member.goto(`${portalUrl}/travel?unit=LAB-CARBON&year=2025`);
    await member.getByTestId('module-unavailable').waitFor({ timeout: 30_000 });
    await expect(member.getByTestId('module-unavailable').innerText()).resolves.toContain('Travel');
    // The member's browser reported the failure: the back office shows which version fails.
    const health = async () => {
      await openPortalPage();
      return admin.getByTestId('portal-health-0.1.2-runtime').innerText();
    };
    await expect.poll(health, { timeout: 15_000 }).toContain('fails');

    await admin.getByTestId('portal-rollback').click();
    await confirmDialog();
    await member.goto(`${portalUrl}/travel?unit=LAB-CARBON&year=2025`);
    await member.getByTestId('travel-page').waitFor();
  });

  it('when a build was made against another sdk major, or its entry does not load, then publishing is refused with a clear message', { timeout: 60_000 }, async () => {
    const sdk = variant('sdk', () => undefined);
    await expect(publish(sdk, token)).rejects.toMatchObject({ stderr: expect.stringMatching(/built against @co2\/shell-sdk 1\.0\.0; this portal runs 0\.1\.\d+ \(needs 0\.1\.x\)/) });
    const broken = variant('broken', (dir) => writeFileSync(path.join(dir, 'remoteEntry.js'), 'export const lifecycle = ;'));
    await expect(publish(broken, token)).rejects.toMatchObject({ stderr: expect.stringContaining('remoteEntry.js does not load: SyntaxError') });
    await openPortalPage();
    expect(await admin.getByTestId('portal-version-0.1.2-sdk').count()).toBe(0);
  });

  it('when the token is revoked, then publishing with it is refused with a clear message', { timeout: 60_000 }, async () => {
    await openPortalPage();
    await admin.getByTestId('portal-token-revoke-travel team').click();
    await confirmDialog();
    await expect(publish(dist(), token)).rejects.toMatchObject({ stderr: expect.stringContaining('Missing, unknown or revoked publish token') });
  });
});
