import type { RoleGrant } from '@co2/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO_UNITS } from '../../src/domain/units/demo-units.js';
import { toUnitDrafts } from '../../src/domain/units/unit-tree.js';
import { memberUnitScope, visibleUnitScope } from '../../src/domain/units/visibility.js';

const unit = (role: RoleGrant['role'], unitCode: string): RoleGrant => ({ role, scope: { kind: 'unit', unitCode } });
const affiliation = (role: RoleGrant['role'], unitCode: string): RoleGrant => ({ role, scope: { kind: 'affiliation', unitCode } });

describe('unit visibility', () => {
  it('when the grants are unit and affiliation scoped, then units and subtrees are collected once', () => {
    expect(
      visibleUnitScope([unit('user.principal', 'LAB-CARBON'), unit('user.standard', 'LAB-CARBON'), affiliation('backoffice.metier', 'ENV')]),
    ).toEqual({ kind: 'some', codes: ['LAB-CARBON'], subtreeRoots: ['ENV'] });
  });

  it('when a grant is global, then every unit is visible', () => {
    expect(visibleUnitScope([{ role: 'backoffice.admin', scope: { kind: 'global' } }])).toEqual({ kind: 'all' });
  });

  it('when there are no grants, then nothing is visible', () => {
    expect(visibleUnitScope([])).toEqual({ kind: 'some', codes: [], subtreeRoots: [] });
  });

  it('member units come from unit-scoped grants only', () => {
    expect(memberUnitScope([unit('user.standard', 'LAB-ICE'), affiliation('backoffice.metier', 'ENV')])).toEqual({
      kind: 'some',
      codes: [],
      subtreeRoots: ['LAB-ICE'],
    });
  });
});

describe('unit tree', () => {
  it('the demo hierarchy gets levels and root-first paths, parents ordered first', () => {
    const drafts = toUnitDrafts(DEMO_UNITS);
    expect(drafts.map((d) => d.code).slice(0, 3)).toEqual(['UNIV', 'ENV', 'SCI']);
    expect(drafts.find((d) => d.code === 'LAB-CARBON')).toMatchObject({ level: 4, path: ['UNIV', 'ENV', 'ENV-CLIM', 'LAB-CARBON'] });
    expect(drafts.filter((d) => d.level === 4).map((d) => d.code).sort()).toEqual(['LAB-CARBON', 'LAB-CATAL', 'LAB-ICE', 'LAB-SOIL', 'LAB-SPECTRO']);
  });

  it('rejects unknown parents, cycles and a fifth level', () => {
    const node = (code: string, parentCode: string | null) => ({ code, parentCode, name: code, nameFr: code, nameDe: null });
    expect(() => toUnitDrafts([node('A', 'X')])).toThrow('unknown parent unit "X"');
    expect(() => toUnitDrafts([node('A', 'B'), node('B', 'A')])).toThrow(/cycle/);
    expect(() => toUnitDrafts([node('A', null), node('B', 'A'), node('C', 'B'), node('D', 'C'), node('E', 'D')])).toThrow(/deeper than level 4/);
  });
});
