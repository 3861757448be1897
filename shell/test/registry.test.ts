import { describe, expect, it } from 'vitest';
import { RemoteRegistry } from '@co2/contracts';
import { LAYOUT } from '../src/portal/layout.js';
import { planAreas, registryChanges, retryEntry } from '../src/portal/registry.js';

const origin = 'https://portal.example.org';

describe('planAreas', () => {
  it('pairs each layout area with its registry entry, resolving same-origin paths against the page origin', () => {
    const registry = RemoteRegistry.parse({
      remotes: [
        { name: 'mf_travel', entry: '/remotes/travel/remoteEntry.js', version: '0.1.0' },
        { name: 'mf_inventory', entry: 'https://cdn.example.org/inventory/remoteEntry.js', version: '0.2.0' },
      ],
    });
    const plans = planAreas(registry, LAYOUT, origin);
    expect(plans.map((p) => [p.area.name, p.remote?.entry ?? null])).toEqual([
      ['mf_inventory', 'https://cdn.example.org/inventory/remoteEntry.js'],
      ['mf_travel', 'https://portal.example.org/remotes/travel/remoteEntry.js'],
      ['mf_dashboard', null],
      ['mf_backoffice', null],
    ]);
  });

  it('ignores remotes the layout does not know (the shell owns the prefixes)', () => {
    const registry = RemoteRegistry.parse({ remotes: [{ name: 'mf_unknown', entry: '/x.js', version: '1' }] });
    expect(planAreas(registry, LAYOUT, origin).every((p) => p.remote === null)).toBe(true);
  });

  it('the registry contract refuses malformed documents', () => {
    expect(RemoteRegistry.safeParse({ remotes: [{ name: 'Bad Name', entry: '/x.js', version: '1' }] }).success).toBe(false);
    expect(RemoteRegistry.safeParse({ remotes: [{ name: 'mf_x', entry: '', version: '1' }] }).success).toBe(false);
    expect(RemoteRegistry.safeParse({}).success).toBe(false);
  });
});

describe('retryEntry', () => {
  it('adds or replaces a retry query so the browser fetches the entry again', () => {
    expect(retryEntry('https://p.org/remotes/travel/remoteEntry.js', 1)).toBe('https://p.org/remotes/travel/remoteEntry.js?retry=1');
    expect(retryEntry('https://p.org/remotes/travel/remoteEntry.js?retry=1&v=2', 2)).toBe('https://p.org/remotes/travel/remoteEntry.js?retry=2&v=2');
  });
});

describe('registryChanges', () => {
  const registry = (travel: string) =>
    RemoteRegistry.parse({
      remotes: [
        { name: 'mf_travel', entry: `/remotes/mf_travel/${travel}/remoteEntry.js`, version: travel },
        { name: 'mf_inventory', entry: '/remotes/inventory/remoteEntry.js', version: '0.1.0' },
      ],
    });
  const registered = (travel: string) => new Map(planAreas(registry(travel), LAYOUT, origin).flatMap((p) => (p.remote ? [[p.area.name, p.remote] as const] : [])));

  it('when a loaded remote gets a new version, then a reload is offered; the unchanged ones are left alone', () => {
    const changes = registryChanges(registered('0.1.0'), planAreas(registry('0.2.0'), LAYOUT, origin), new Set(['mf_travel', 'mf_inventory']));
    expect(changes).toEqual([{ name: 'mf_travel', remote: expect.objectContaining({ version: '0.2.0' }), offerReload: true }]);
  });

  it('when a remote that was never loaded changes, then it is re-registered without a reload offer', () => {
    const changes = registryChanges(registered('0.1.0'), planAreas(registry('0.2.0'), LAYOUT, origin), new Set());
    expect(changes.map((c) => [c.name, c.offerReload])).toEqual([['mf_travel', false]]);
  });

  it('when nothing changed, then there is nothing to do', () => {
    expect(registryChanges(registered('0.1.0'), planAreas(registry('0.1.0'), LAYOUT, origin), new Set(['mf_travel']))).toEqual([]);
  });
});
