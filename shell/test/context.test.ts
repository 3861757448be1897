import { describe, expect, it } from 'vitest';
import { unitListFixture } from '@co2/shell-sdk/testing';
import type { Unit } from '@co2/contracts';
import { areaAccess, type ContextSources } from '../src/portal/access.js';
import { HOME_CONTEXT, contextFor } from '../src/portal/context-defaults.js';
import { addContextParams, readContextParams, stripContextParams, withContextParams } from '../src/portal/context-params.js';
import { LAYOUT } from '../src/portal/layout.js';
import { areaUnits, filterUnitOptions, unitOptions } from '../src/portal/units.js';

const area = (name: string) => LAYOUT.find((a) => a.labelKey === name)!;
const lab = (code: string, parent: string, path: string[], name = code): Unit => ({
  ...unitListFixture.units[2]!,
  id: `00000000-0000-4000-8000-${String(code.length).padStart(12, '0')}`,
  code,
  name,
  nameFr: `${name} (fr)`,
  nameDe: null,
  parentCode: parent,
  path,
});
const units: Unit[] = [
  ...unitListFixture.units.slice(0, 2),
  { ...unitListFixture.units[1]!, code: 'ENV-CLIM', name: 'Institute of Climate', nameFr: 'Institut du climat', level: 3, parentCode: 'ENV', path: ['UNIV', 'ENV', 'ENV-CLIM'] },
  lab('LAB-CARBON', 'ENV-CLIM', ['UNIV', 'ENV', 'ENV-CLIM', 'LAB-CARBON'], 'Carbon Lab'),
  lab('LAB-ICE', 'ENV-CLIM', ['UNIV', 'ENV', 'ENV-CLIM', 'LAB-ICE'], 'Ice Lab'),
];
const years = [
  { year: 2025, openToUsers: true },
  { year: 2024, openToUsers: true },
  { year: 2023, openToUsers: false },
];
const principal: ContextSources = { roles: ['user.principal@unit:LAB-CARBON'], units, years };
const reporter: ContextSources = { roles: ['backoffice.metier@affiliation:ENV'], units, years };

describe('context parameters in the address', () => {
  it('reads the unit and a four-digit year; writes and strips only the shell’s parameters', () => {
    expect(readContextParams({ unit: 'LAB-CARBON', year: '2025', page: '2' })).toEqual({ unit: 'LAB-CARBON', year: 2025 });
    expect(readContextParams({ year: '20x5' })).toEqual({ unit: null, year: null });
    expect(withContextParams({ page: '2', unit: 'X' }, ['year'], { unit: null, year: 2024 })).toEqual({ page: '2', unit: 'X', year: '2024' });
    expect(stripContextParams('/inventory/modules/equipment?unit=LAB-CARBON&page=2&year=2025#top')).toBe('/inventory/modules/equipment?page=2#top');
    expect(addContextParams('/inventory/modules/x?page=2', ['unit', 'year'], { unit: 'LAB-CARBON', year: 2025 })).toBe('/inventory/modules/x?page=2&unit=LAB-CARBON&year=2025');
    expect(addContextParams('/inventory?unit=LAB-ICE', ['unit', 'year'], { unit: 'LAB-CARBON', year: 2025 })).toBe('/inventory?unit=LAB-ICE&year=2025');
  });
});

describe('which area opens for whom', () => {
  it('when a role may not use an area, then the role page', () => {
    expect(areaAccess(area('backoffice'), principal, { unit: null, year: 2025 })).toEqual({ status: 'role' });
    expect(areaAccess(area('inventory'), reporter, { unit: null, year: 2025 })).toEqual({ status: 'role' });
    expect(areaAccess(area('dashboard'), { ...principal, roles: ['user.standard@unit:LAB-CARBON'] }, { unit: null, year: null })).toEqual({ status: 'role' });
  });

  it('when the address names a unit or year the user may not open, then why', () => {
    expect(areaAccess(area('inventory'), principal, { unit: 'LAB-ICE', year: 2025 })).toEqual({ status: 'unit-unavailable', unit: 'LAB-ICE' });
    expect(areaAccess(area('inventory'), principal, { unit: 'LAB-CARBON', year: 2019 })).toEqual({ status: 'year-unavailable', year: 2019 });
    expect(areaAccess(area('dashboard'), reporter, { unit: 'LAB-ICE', year: 2025 })).toEqual({ status: 'ok' });
    expect(areaAccess(area('inventory'), { ...principal, roles: ['user.principal@unit:LAB-GONE'] }, { unit: null, year: null })).toEqual({ status: 'no-unit' });
  });
});

describe('the context an area opens with', () => {
  it('takes the address, else the last context this area offers, else the user’s own unit and the newest open year', () => {
    expect(contextFor(area('inventory'), principal, { unit: null, year: null }, { unit: null, year: null }, 2026)).toEqual({ unit: 'LAB-CARBON', year: 2025 });
    expect(contextFor(area('dashboard'), reporter, { unit: null, year: null }, { unit: 'LAB-ICE', year: 2024 }, 2026)).toEqual({ unit: 'LAB-ICE', year: 2024 });
    expect(contextFor(area('inventory'), principal, { unit: null, year: 2024 }, { unit: 'LAB-ICE', year: 2019 }, 2026)).toEqual({ unit: 'LAB-CARBON', year: 2024 });
    expect(contextFor(area('backoffice'), reporter, { unit: null, year: null }, { unit: null, year: null }, 2026)).toEqual({ unit: null, year: 2025 });
    expect(contextFor(HOME_CONTEXT, reporter, { unit: null, year: null }, { unit: null, year: null }, 2026)).toEqual({ unit: 'LAB-CARBON', year: 2025 });
  });
});

describe('unit picker rows', () => {
  it('offers own units for data entry, every visible lab elsewhere, as a tree with names and codes', () => {
    expect(areaUnits(area('inventory'), units, principal.roles).map((u) => u.code)).toEqual(['LAB-CARBON']);
    expect(areaUnits(area('dashboard'), units, reporter.roles).map((u) => u.code)).toEqual(['LAB-CARBON', 'LAB-ICE']);
    const rows = unitOptions(areaUnits(area('dashboard'), units, reporter.roles), units, 'fr');
    expect(rows.map((r) => [r.depth, r.header, r.label])).toEqual([
      [0, true, 'Faculté de l’environnement (ENV)'],
      [1, true, 'Institut du climat (ENV-CLIM)'],
      [2, false, 'Carbon Lab (fr) (LAB-CARBON)'],
      [2, false, 'Ice Lab (fr) (LAB-ICE)'],
    ]);
  });

  it('searches names, codes and parents without accents or case, keeping the headings above each match', () => {
    const rows = unitOptions(areaUnits(area('dashboard'), units, reporter.roles), units, 'en');
    expect(filterUnitOptions(rows, 'ice').map((r) => r.value)).toEqual(['ENV', 'ENV-CLIM', 'LAB-ICE']);
    expect(filterUnitOptions(rows, 'lab-carb').map((r) => r.value)).toEqual(['ENV', 'ENV-CLIM', 'LAB-CARBON']);
    expect(filterUnitOptions(rows, 'environment').map((r) => r.value)).toEqual(['ENV', 'ENV-CLIM', 'LAB-CARBON', 'LAB-ICE']);
    expect(filterUnitOptions(rows, 'nothing-like-it')).toEqual([]);
  });
});
