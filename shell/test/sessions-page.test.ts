import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { App } from 'vue';
import { createPortalContext } from '@co2/shell-sdk';
import type { BffSessionList, BffUser } from '@co2/contracts';
import { createShell } from '../src/create-shell.js';
import { createShellState } from '../src/shell-state.js';
import { describeUserAgent } from '../src/session/sessions.js';

const member: BffUser = { sub: 'member', name: 'Max Member', email: 'm@example.org', roles: ['user.standard@unit:LAB-CARBON'], sessionExpiresAt: '2030-01-01T00:00:00Z' };
const admin: BffUser = { ...member, sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] };
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const here = { id: 'a'.repeat(64), current: true, createdAt: '2026-03-02T08:00:00Z', lastSeenAt: '2026-03-02T09:30:00Z', expiresAt: '2026-03-02T18:00:00Z', userAgent: FIREFOX, ip: '10.0.0.1' };
const phone = { ...here, id: 'b'.repeat(64), current: false, userAgent: IPHONE, ip: null, lastSeenAt: '2026-03-01T17:05:00Z' };

let app: App | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

interface Call {
  method: string;
  url: string;
  csrf: string | undefined;
}

/** A fake BFF: the sessions it holds, and every request the page sent. */
function fakeBff(sessions: BffSessionList['sessions'], { adminEnded = 3 } = {}) {
  const calls: Call[] = [];
  let live = [...sessions];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    calls.push({ method, url, csrf: (init.headers as Record<string, string> | undefined)?.['X-CSRF'] });
    if (method === 'GET' && url === '/bff/sessions') return json(200, { sessions: live });
    const one = /^\/bff\/sessions\/([0-9a-f]{64})$/.exec(url);
    if (method === 'DELETE' && one) {
      live = live.filter((s) => s.id !== one[1]);
      return new Response(null, { status: 204 });
    }
    if (method === 'POST' && url === '/bff/sessions/revoke-others') {
      const ended = live.filter((s) => !s.current).length;
      live = live.filter((s) => s.current);
      return json(200, { ended });
    }
    if (method === 'DELETE' && url.startsWith('/bff/users/')) return json(200, { ended: adminEnded });
    return json(404, { error: { code: 'not_found', message: 'nope' } });
  });
  return calls;
}

async function render(user: BffUser, locale: 'en' | 'fr' | 'de' = 'en') {
  window.history.replaceState(null, '', '/account/sessions');
  const context = createPortalContext({ locale, user });
  const state = createShellState();
  state.session = { status: 'signed-in', user };
  state.units = [];
  state.years = [];
  state.markReady();
  const root = document.createElement('div');
  document.body.appendChild(root);
  const shell = createShell({ context, state, storage: null, currentYear: 2026 });
  app = shell.app;
  app.mount(root);
  await shell.router.isReady();
  const all = (testId: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
  const q = (testId: string) => document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  await vi.waitFor(() => expect(q('sessions-list') ?? q('sessions-error')).toBeTruthy(), { timeout: 5_000 });
  return { q, all, router: shell.router };
}

async function confirmDialog(q: (id: string) => HTMLElement | null) {
  await vi.waitFor(() => expect(q('sessions-confirm-ok')).toBeTruthy());
  q('sessions-confirm-ok')!.click();
  await flushPromises();
}

describe('sessions page', () => {
  it('when the BFF lists two sessions, then each shows its device in words and last activity, and this browser is marked and cannot be ended', async () => {
    fakeBff([here, phone]);
    const { all } = await render(member);
    const rows = all('session-row');
    expect(rows.map((r) => r.querySelector('[data-testid="session-device"]')?.textContent)).toEqual(['Firefox on Windows', 'Safari on iOS']);
    expect(rows[0]!.querySelector('[data-testid="session-current"]')?.textContent).toBe('This browser');
    expect(rows[0]!.querySelector('[data-testid="session-end"]')).toBeNull();
    expect(rows[1]!.querySelector('[data-testid="session-current"]')).toBeNull();
    const lastSeen = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(phone.lastSeenAt));
    expect(rows[1]!.querySelector('[data-testid="session-last-seen"]')?.textContent).toBe(`Last active ${lastSeen}`);
    expect(rows[0]!.textContent).toContain('address 10.0.0.1');
  });

  it('when another session is ended and confirmed, then DELETE with the CSRF header goes to the BFF and the list shows what the BFF then says', async () => {
    const calls = fakeBff([here, phone]);
    const { q, all } = await render(member);
    all('session-end')[0]!.click();
    await confirmDialog(q);
    expect(calls).toContainEqual({ method: 'DELETE', url: `/bff/sessions/${phone.id}`, csrf: '1' });
    await vi.waitFor(() => expect(all('session-row')).toHaveLength(1));
    expect(q('sessions-notice')?.textContent).toBe('The session on Safari on iOS has ended.');
    expect(q('sessions-only-this')).not.toBeNull();
  });

  it('when the confirmation is cancelled, then nothing is ended', async () => {
    const calls = fakeBff([here, phone]);
    const { q, all } = await render(member);
    all('session-end')[0]!.click();
    await vi.waitFor(() => expect(q('sessions-confirm-cancel')).toBeTruthy());
    q('sessions-confirm-cancel')!.click();
    await flushPromises();
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('when all others are ended, then revoke-others is posted and the count the BFF answered is shown', async () => {
    const calls = fakeBff([here, phone, { ...phone, id: 'c'.repeat(64), userAgent: null }]);
    const { q, all } = await render(member);
    expect(q('sessions-end-others')?.textContent).toContain('End all other sessions (2)');
    expect(all('session-device')[2]!.textContent).toBe('Unknown device');
    q('sessions-end-others')!.click();
    await confirmDialog(q);
    expect(calls).toContainEqual({ method: 'POST', url: '/bff/sessions/revoke-others', csrf: '1' });
    await vi.waitFor(() => expect(q('sessions-notice')?.textContent).toBe('Sessions ended: 2.'));
    expect(all('session-row')).toHaveLength(1);
  });

  it('when the page is in French, then its texts are French', async () => {
    fakeBff([here, phone]);
    const { q, all } = await render(member, 'fr');
    expect(q('sessions-page')?.querySelector('h1')?.textContent).toBe('Vos sessions');
    expect(all('session-device')[0]!.textContent).toBe('Firefox sur Windows');
  });

  it('when the BFF fails, then the error is shown with a retry', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: { code: 'session_store_unavailable', message: 'Session store unavailable' } }), { status: 503 }));
    const { q } = await render(member);
    expect(q('sessions-error')?.textContent).toContain('Session store unavailable');
  });

  it('when a member opens it, then there is no admin form; an admin ends every session of a user with the CSRF header and sees the count', async () => {
    fakeBff([here]);
    const first = await render(member);
    expect(first.q('sessions-admin')).toBeNull();
    app?.unmount();
    document.body.innerHTML = '';

    const calls = fakeBff([here], { adminEnded: 2 });
    const { q } = await render(admin);
    q('sessions-admin-submit')!.click();
    await flushPromises();
    expect(q('sessions-admin')?.textContent).toContain('Enter a user id.');
    const field = q('sessions-admin-user')!;
    const input = field instanceof HTMLInputElement ? field : field.querySelector('input')!;
    input.value = 'member';
    input.dispatchEvent(new Event('input'));
    await flushPromises();
    q('sessions-admin-submit')!.click();
    await confirmDialog(q);
    expect(calls).toContainEqual({ method: 'DELETE', url: '/bff/users/member/sessions', csrf: '1' });
    await vi.waitFor(() => expect(q('sessions-admin-notice')?.textContent).toBe('Sessions of member ended: 2.'));
  });
});

describe('describeUserAgent', () => {
  it('names browser and system of common user agents', () => {
    expect(describeUserAgent('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36')).toEqual({ browser: 'Chrome', os: 'Android' });
    expect(describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15')).toEqual({ browser: 'Safari', os: 'macOS' });
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0')).toEqual({ browser: 'Edge', os: 'Windows' });
    expect(describeUserAgent(null)).toEqual({ browser: null, os: null });
  });
});
