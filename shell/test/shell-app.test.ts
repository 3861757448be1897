import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { nextTick, type App } from 'vue';
import { createPortalContext } from '@co2/shell-sdk';
import type { BffUser } from '@co2/contracts';
import { createShell } from '../src/create-shell.js';
import { createShellState } from '../src/shell-state.js';

const principal: BffUser = { sub: 'principal', name: 'Pat Principal', email: 'p@example.org', roles: ['user.principal@unit:LAB-CARBON'], sessionExpiresAt: '2030-01-01T00:00:00Z' };
const admin: BffUser = { ...principal, sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] };

let app: App | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
  document.body.innerHTML = '';
});

async function render(path: string, user: BffUser | null) {
  window.history.replaceState(null, '', path);
  const context = createPortalContext({ locale: 'en', user, unit: user ? 'LAB-CARBON' : null, year: 2025 });
  const state = createShellState();
  state.session = user ? { status: 'signed-in', user } : { status: 'signed-out' };
  const root = document.createElement('div');
  document.body.appendChild(root);
  app = createShell({ context, state, storage: null });
  app.mount(root);
  await flushPromises();
  const q = (testId: string) => document.querySelector(`[data-testid="${testId}"]`);
  // The signed-in header (navigation, user menu) is a lazy chunk: wait until it rendered.
  if (user) await vi.waitFor(() => expect(q('user-menu') && q('nav-home')).toBeTruthy(), { timeout: 5_000 });
  return { context, state, root, q };
}

describe('shell app', () => {
  it('when signed out, then a landing page whose sign-in link returns to the current path, and no navigation', async () => {
    const { q } = await render('/travel', null);
    expect(q('landing')).not.toBeNull();
    expect(q('sign-in')?.getAttribute('href')).toBe('/auth/login?returnTo=%2Ftravel');
    expect(q('nav-travel')).toBeNull();
    expect(q('user-menu')).toBeNull();
  });

  it('when a standard user is signed in, then three areas are offered in the navigation, and every area has its own container', async () => {
    const { q } = await render('/', principal);
    expect(q('nav-inventory')).not.toBeNull();
    expect(q('nav-travel')).not.toBeNull();
    expect(q('nav-dashboard')).not.toBeNull();
    expect(q('nav-backoffice')).toBeNull();
    expect(q('user-menu')?.textContent).toContain('Pat Principal');
    expect(document.getElementById('area-mf_travel')).not.toBeNull();
    expect(document.getElementById('area-mf_backoffice')).not.toBeNull();
    expect(q('home')?.textContent).toContain('Welcome, Pat Principal');
  });

  it('when a backoffice admin is signed in, then the backoffice entry is offered', async () => {
    const { q } = await render('/', admin);
    expect(q('nav-backoffice')?.getAttribute('href')).toBe('/backoffice');
  });

  it('when a standard user opens /backoffice directly, then its area is shown (core-api decides the data) without a nav entry', async () => {
    const { q } = await render('/backoffice', principal);
    expect((q('area-backoffice') as HTMLElement).style.display).not.toBe('none');
    expect((q('area-travel') as HTMLElement).style.display).toBe('none');
    expect(q('nav-backoffice')).toBeNull();
  });

  it('when a language button is pressed, then texts, <html lang> and the context locale change', async () => {
    const { q, context } = await render('/', null);
    expect(q('sign-in')?.textContent).toContain('Sign in');
    (q('lang-fr') as HTMLElement).click();
    await nextTick();
    expect(context.locale).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
    expect(q('sign-in')?.textContent).toContain('Se connecter');
    expect(q('lang-fr')?.getAttribute('aria-pressed')).toBe('true');
    (q('lang-de') as HTMLElement).click();
    await nextTick();
    expect(q('sign-in')?.textContent).toContain('Anmelden');
  });

  it('when a remote is unavailable, then its area shows a localized notice whose retry asks the portal to retry that remote', async () => {
    const { q, state, context } = await render('/travel', principal);
    const retry = vi.fn();
    state.onRetry(retry);
    state.setArea('mf_travel', { status: 'unavailable', reason: 'load-error' });
    await nextTick();
    const notice = q('module-unavailable');
    expect(notice?.textContent).toContain('This module is unavailable');
    expect(notice?.textContent).toContain('Travel');
    expect(q('nav-dashboard')).not.toBeNull(); // the rest of the portal is still there
    context.locale = 'de';
    await nextTick();
    expect(q('module-unavailable')?.textContent).toContain('Dieses Modul ist nicht verfügbar');
    (q('module-retry') as HTMLElement).click();
    expect(retry).toHaveBeenCalledWith('mf_travel');
    await nextTick();
    expect(q('module-unavailable')).toBeNull();
  });
});
