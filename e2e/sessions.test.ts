// Sessions (issue 14 point 6) in a real Chromium against the real BFF: a user ends another of their sessions
// from the Sessions page, and an administrator ends every session of a user. The ended browser is then signed
// out (its /bff/user answers 401).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');

interface SessionRow {
  id: string;
  current: boolean;
  userAgent: string | null;
}

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function signedIn(login: string, path = '/'): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, portalUrl, login, path);
  return page;
}

async function mySessions(page: Page): Promise<SessionRow[]> {
  const response = await page.request.get(`${portalUrl}/bff/sessions`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { sessions: SessionRow[] }).sessions;
}

async function userStatus(page: Page): Promise<number> {
  return (await page.request.get(`${portalUrl}/bff/user`)).status();
}

describe('sessions', () => {
  it('when a member signed in twice opens Sessions from the user menu, then the other browser is listed; ending it signs that browser out', async () => {
    const first = await signedIn('member');
    const second = await signedIn('member');
    const secondId = (await mySessions(second)).find((s) => s.current)!.id;

    await first.getByTestId('user-menu').click();
    await first.getByTestId('user-sessions').click();
    await first.waitForURL(`${portalUrl}/account/sessions`);
    await first.getByTestId('sessions-list').waitFor();

    // What the BFF says is what the page shows: one row per session, this one marked.
    const listed = await mySessions(first);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => first.getByTestId('session-row').count()).toBe(listed.length);
    const current = first.locator('[data-testid="session-row"][data-current="true"]');
    expect(await current.getByTestId('session-current').innerText()).toBe('This browser');
    const secondRow = first.locator(`[data-testid="session-row"][data-session-id="${secondId}"]`);
    expect(await secondRow.getByTestId('session-device').innerText()).toMatch(/^Chrome.* on Linux$/);
    expect(await secondRow.getByTestId('session-last-seen').innerText()).toMatch(/^Last active /);

    expect(await userStatus(second)).toBe(200);
    await secondRow.getByTestId('session-end').click();
    await first.getByTestId('sessions-confirm-ok').click();
    await first.getByTestId('sessions-notice').waitFor();
    await expect.poll(() => first.locator(`[data-session-id="${secondId}"]`).count()).toBe(0);

    await expect.poll(() => userStatus(second), { timeout: 5_000 }).toBe(401);
    expect(await userStatus(first)).toBe(200);
    expect((await mySessions(first)).map((s) => s.id)).not.toContain(secondId);
  });

  it('when the Sessions page is opened by its address, then it shows (deep link)', async () => {
    const page = await signedIn('principal', '/account/sessions');
    await page.getByTestId('sessions-list').waitFor();
    expect(await page.locator('h1').innerText()).toBe('Your sessions');
    expect(await page.getByTestId('sessions-admin').count()).toBe(0);
  });

  it('when an administrator ends every session of a user, then that user is signed out everywhere', async () => {
    const memberA = await signedIn('member');
    const memberB = await signedIn('member');
    const sub = ((await (await memberA.request.get(`${portalUrl}/bff/user`)).json()) as { sub: string }).sub;
    const count = (await mySessions(memberA)).length;

    const admin = await signedIn('admin', '/account/sessions');
    await admin.getByTestId('sessions-admin').waitFor();
    await admin.getByTestId('sessions-admin-user').fill(sub);
    await admin.getByTestId('sessions-admin-submit').click();
    await admin.getByTestId('sessions-confirm-ok').click();
    expect(await admin.getByTestId('sessions-admin-notice').innerText()).toBe(`Sessions of ${sub} ended: ${count}.`);

    await expect.poll(() => userStatus(memberA), { timeout: 5_000 }).toBe(401);
    await expect.poll(() => userStatus(memberB), { timeout: 5_000 }).toBe(401);
    expect(await userStatus(admin)).toBe(200);
  });
});
