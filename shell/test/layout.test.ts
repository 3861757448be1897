import { describe, expect, it } from 'vitest';
import { LAYOUT, areaForPath, containerId, isUnderPrefix, navigableAreas } from '../src/portal/layout.js';

const user = (roles: string[]) => ({ roles });

describe('layout', () => {
  it('owns exactly the four prefixes, one remote each', () => {
    expect(LAYOUT.map((a) => [a.name, a.prefix])).toEqual([
      ['mf_inventory', '/inventory'],
      ['mf_travel', '/travel'],
      ['mf_dashboard', '/dashboard'],
      ['mf_backoffice', '/backoffice'],
    ]);
  });

  it('matches a prefix and what is below it, not look-alikes', () => {
    expect(isUnderPrefix('/travel', '/travel')).toBe(true);
    expect(isUnderPrefix('/travel/', '/travel')).toBe(true);
    expect(isUnderPrefix('/travel/trips/3', '/travel')).toBe(true);
    expect(isUnderPrefix('/travelling', '/travel')).toBe(false);
    expect(isUnderPrefix('/', '/travel')).toBe(false);
    expect(areaForPath('/dashboard/x')?.name).toBe('mf_dashboard');
    expect(areaForPath('/nowhere')).toBeUndefined();
  });

  it('offers each role the areas it may use; signed out, nothing', () => {
    expect(navigableAreas(user(['user.principal@unit:LAB-CARBON'])).map((a) => a.name)).toEqual(['mf_inventory', 'mf_travel', 'mf_dashboard']);
    expect(navigableAreas(user(['user.standard@unit:LAB-CARBON'])).map((a) => a.name)).toEqual(['mf_inventory', 'mf_travel']);
    expect(navigableAreas(user(['backoffice.metier@affiliation:ENV'])).map((a) => a.name)).toEqual(['mf_dashboard', 'mf_backoffice']);
    expect(navigableAreas(user(['backoffice.admin@global'])).map((a) => a.name)).toEqual(['mf_dashboard', 'mf_backoffice']);
    expect(navigableAreas(null)).toEqual([]);
  });

  it('gives each area its own container id', () => {
    expect(new Set(LAYOUT.map(containerId)).size).toBe(4);
    expect(containerId({ name: 'mf_travel' })).toBe('area-mf_travel');
  });
});
