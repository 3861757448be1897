import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { nextTick, type App } from 'vue';
import type { Router } from 'vue-router';
import { createPortalContext } from '@co2/shell-sdk';
import { unitListFixture } from '@co2/shell-sdk/testing';
import type { BffUser, Unit } from '@co2/contracts';
import { createShell } from '../src/create-shell.js';
import { createShellState } from '../src/shell-state.js';

const principal: BffUser = { sub: 'principal', name: 'Pat Principal', email: 'p@example.org', roles: ['user.principal@unit:LAB-CARBON'], sessionExpiresAt: '2030-01-01T00:00:00Z' };
const member: BffUser = { ...principal, sub: 'member', name: 'Max Member', roles: ['user.standard@unit:LAB-CARBON'] };
const admin: BffUser = { ...principal, sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] };
const units: Unit[] = [...unitListFixture.units, { ...unitListFixture.units[2]!, code: 'LAB-ICE', name: 'Ice Lab', nameFr: 'Laboratoire glace', path: ['UNIV', 'ENV', 'ENV-CLIM', 'LAB-ICE'] }];
const years = [
  { year: 2025, openToUsers: true },
  { year: 2024, openToUsers: true },
];

let app: App | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
  document.body.innerHTML = '';
});

async function render(path: string, user: BffUser | null) {
  window.history.replaceState(null, '', path);
  const context = createPortalContext({ locale: 'en', user });
  const state = createShellState();
  state.session = user ? { status: 'signed-in', user } : { status: 'signed-out' };
  state.units = user ? units : null;
  state.years = user ? years : null;
  state.markReady();
  const root = document.createElement('div');
  document.body.appendChild(root);
  const shell = createShell({ context, state, storage: null, currentYear: 2026 });
  app = shell.app;
  app.mount(root);
  await shell.router.isReady();
  await flushPromises();
  const q = (testId: string) => document.querySelector(`[data-testid="${testId}"]`);
  // The signed-in header (navigation, user menu) is a lazy chunk: wait until it rendered.
  if (user) await vi.waitFor(() => expect(q('user-menu') && q('nav-home')).toBeTruthy(), { timeout: 5_000 });
  const shown = (testId: string) => (q(testId) as HTMLElement | null)?.style.display !== 'none';
  return { context, state, root, q, shown, router: shell.router as Router };
}

describe('shell app', () => {
  it('when signed out, then a landing page whose sign-in link returns to the current path, and no navigation', async () => {
    const { q } = await render('/travel', null);
    expect(q('landing')).not.toBeNull();
    expect(q('sign-in')?.getAttribute('href')).toBe('/auth/login?returnTo=%2Ftravel');
    expect(q('nav-travel')).toBeNull();
    expect(q('user-menu')).toBeNull();
  });

  it('when a principal is signed in, then the areas of the role are offered with the context in their links, each area with its own container', async () => {
    const { q, context } = await render('/', principal);
    context.unit = 'LAB-CARBON';
    context.year = 2025;
    await nextTick();
    expect(q('nav-inventory')?.getAttribute('href')).toBe('/inventory?unit=LAB-CARBON&year=2025');
    expect(q('nav-dashboard')).not.toBeNull();
    expect(q('nav-backoffice')).toBeNull();
    expect(q('user-menu')?.textContent).toContain('Pat Principal');
    expect(document.getElementById('area-mf_travel')).not.toBeNull();
    expect(q('home')?.textContent).toContain('Welcome, Pat Principal');
  });

  it('when an area is opened without context, then the address gets the user’s unit and the newest open year, and the context follows', async () => {
    const { context, router, shown } = await render('/inventory/modules/equipment?page=2', principal);
    expect(router.currentRoute.value.fullPath).toBe('/inventory/modules/equipment?page=2&unit=LAB-CARBON&year=2025');
    expect(window.location.search).toBe('?page=2&unit=LAB-CARBON&year=2025');
    expect(context.unit).toBe('LAB-CARBON');
    expect(context.year).toBe(2025);
    expect(shown('area-inventory')).toBe(true);
  });

  it('when the address names a year, then the context takes it; the year picker writes a new history entry', async () => {
    const { context, router, q } = await render('/travel?unit=LAB-CARBON&year=2024', principal);
    expect(context.year).toBe(2024);
    // The context picker is a lazy chunk too.
    await vi.waitFor(() => expect(q('context-year')).toBeTruthy(), { timeout: 5_000 });
    const select = q('context-year') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['2025', '2024']);
    const before = window.history.length;
    select.value = '2025';
    select.dispatchEvent(new Event('change'));
    await flushPromises();
    expect(router.currentRoute.value.query.year).toBe('2025');
    expect(context.year).toBe(2025);
    expect(window.history.length).toBe(before + 1);
  });

  it('when a member types /backoffice or /dashboard, then the localized role page, and no area is shown', async () => {
    const { q, shown, context } = await render('/backoffice', member);
    expect(q('role-page')?.textContent).toContain('Backoffice is not available for your role');
    expect(shown('area-backoffice')).toBe(false);
    expect(q('nav-backoffice')).toBeNull();
    expect(q('nav-dashboard')).toBeNull();
    context.locale = 'fr';
    await nextTick();
    expect(q('role-page')?.textContent).toContain('n’est pas disponible pour votre rôle');
  });

  it('when a link names a unit the user may not open, then the shell says so instead of opening the area', async () => {
    const { q, shown, context } = await render('/inventory?unit=LAB-ICE&year=2025', principal);
    expect(q('context-unavailable')?.getAttribute('data-reason')).toBe('unit-unavailable');
    expect(q('context-unavailable')?.textContent).toContain('Unit LAB-ICE is not available to you');
    expect(shown('area-inventory')).toBe(false);
    expect(context.unit).not.toBe('LAB-ICE');
  });

  it('when an admin opens the dashboard, then the unit picker offers every lab by name and code', async () => {
    const { q } = await render('/dashboard', admin);
    expect(window.location.search).toBe('?unit=LAB-CARBON&year=2025');
    await vi.waitFor(() => expect(q('context-picker')?.textContent).toContain('Carbon Lab (LAB-CARBON)'), { timeout: 5_000 });
    expect(q('nav-backoffice')).not.toBeNull();
  });

  it('when a path is unknown, then the portal’s page-not-found links home', async () => {
    const { q } = await render('/nowhere', principal);
    expect(q('not-found')?.textContent).toContain('Page not found');
    expect(q('not-found-home')?.getAttribute('href')).toBe('/');
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

  it('when a newer version of a loaded remote is promoted, then its area offers a localized reload and no other area does', async () => {
    const { q, state, context } = await render('/travel', principal);
    expect(q('remote-update')).toBeNull();
    state.setUpdate('mf_travel', '0.2.0');
    await nextTick();
    const notice = q('remote-update');
    expect(notice?.getAttribute('data-area')).toBe('mf_travel');
    expect(notice?.textContent).toContain('A new version of Travel is available (0.2.0).');
    expect(document.querySelectorAll('[data-testid="remote-update"]')).toHaveLength(1);
    context.locale = 'fr';
    await nextTick();
    expect(q('remote-update')?.textContent).toContain('Une nouvelle version de');
    expect(q('remote-update-reload')?.textContent).toContain('Recharger');
  });
});
