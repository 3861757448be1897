import { describe, expect, it } from 'vitest';
import { createRouter, type Router } from 'vue-router';
import { defineComponent } from 'vue';
import { createPortalHistory, pathInside, pathUnder } from '../src/navigation.js';
import { createMemoryNavigation } from '../src/testing.js';

/** A stand-in for the shell: one history stack it alone writes, listeners told after each change. */
const fakeShell = (start: string) => {
  const navigation = createMemoryNavigation(start, (to) => `${to}${to.includes('?') ? '&' : '?'}unit=LAB-CARBON`);
  return { navigation, calls: navigation.calls, stack: navigation.stack, at: () => navigation.location, listeners: { get size() { return navigation.listenerCount(); } } };
};

const Page = defineComponent({ render: () => null });

async function remoteRouter(shell: ReturnType<typeof fakeShell>): Promise<Router> {
  const router = createRouter({
    history: createPortalHistory('/inventory', shell.navigation),
    routes: [
      { path: '/', name: 'overview', component: Page },
      { path: '/modules/:module', name: 'module', component: Page },
    ],
  });
  await router.push(router.options.history.location);
  return router;
}

describe('pathInside / pathUnder', () => {
  it('maps portal paths to a remote’s paths and back, keeping query and hash', () => {
    expect(pathInside('/travel', '/travel')).toBe('/');
    expect(pathInside('/travel/', '/travel/trips/3?x=1#top')).toBe('/trips/3?x=1#top');
    expect(pathInside('/travel', '/travel?page=2')).toBe('/?page=2');
    expect(pathInside('/travel', '/travelling')).toBeNull();
    expect(pathInside('/travel', '/')).toBeNull();
    expect(pathUnder('/travel', '/')).toBe('/travel');
    expect(pathUnder('/travel', '/?page=2')).toBe('/travel?page=2');
    expect(pathUnder('/travel/', '/trips/3')).toBe('/travel/trips/3');
  });
});

describe('createPortalHistory', () => {
  it('when the remote starts on a deep link, then its router lands there without writing the history', async () => {
    const shell = fakeShell('/inventory/modules/equipment?page=2');
    const router = await remoteRouter(shell);
    expect(router.currentRoute.value.params.module).toBe('equipment');
    expect(router.currentRoute.value.query.page).toBe('2');
    expect(shell.stack()).toEqual(['/inventory/modules/equipment?page=2']);
  });

  it('when the remote navigates, then the shell pushes the portal path once, and Back returns inside the remote', async () => {
    const shell = fakeShell('/inventory');
    const router = await remoteRouter(shell);
    await router.push({ name: 'module', params: { module: 'buildings' } });
    expect(shell.calls.filter((c) => c.startsWith('push'))).toEqual(['push /inventory/modules/buildings']);
    expect(shell.stack()).toEqual(['/inventory', '/inventory/modules/buildings']);

    shell.navigation.go(-1); // the browser's Back, handled by the shell
    await new Promise((r) => setTimeout(r, 0));
    expect(router.currentRoute.value.name).toBe('overview');
    expect(shell.at()).toBe('/inventory');

    shell.navigation.go(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(router.currentRoute.value.params.module).toBe('buildings');
    expect(shell.stack()).toHaveLength(2); // no entry added by following the shell
  });

  it('when the shell leaves the area, then the remote is not told to navigate', async () => {
    const shell = fakeShell('/inventory/modules/headcount');
    const router = await remoteRouter(shell);
    shell.navigation.push('/travel');
    await new Promise((r) => setTimeout(r, 0));
    expect(router.currentRoute.value.params.module).toBe('headcount');
  });

  it('links carry the shell’s context parameters; destroy stops listening', async () => {
    const shell = fakeShell('/inventory');
    const router = await remoteRouter(shell);
    expect(router.resolve({ name: 'module', params: { module: 'equipment' } }).href).toBe('/inventory/modules/equipment?unit=LAB-CARBON');
    expect(shell.listeners.size).toBe(1);
    router.options.history.destroy();
    expect(shell.listeners.size).toBe(0);
  });
});
