import { describe, expect, it } from 'vitest';
import { parseRolesClaim, parseRoleString } from '../../src/auth/roles-claim.js';
import { createClaimsRoleProvider } from '../../src/auth/role-provider.js';

describe('roles claim parsing', () => {
  it('when a role is scoped to a unit, an affiliation or globally, then each scope is recognised', () => {
    expect(parseRolesClaim(['user.principal@unit:LAB-CARBON', 'backoffice.metier@affiliation:ENV', 'backoffice.admin@global'])).toEqual([
      { role: 'user.principal', scope: { kind: 'unit', unitCode: 'LAB-CARBON' } },
      { role: 'backoffice.metier', scope: { kind: 'affiliation', unitCode: 'ENV' } },
      { role: 'backoffice.admin', scope: { kind: 'global' } },
    ]);
  });

  it.each([
    ['user.owner@unit:LAB-CARBON', 'unknown role "user.owner"'],
    ['user.standard', 'missing "@<scope>"'],
    ['user.standard@team:X', 'unknown scope "team"'],
    ['user.standard@unit:', 'invalid unit code ""'],
    ['user.standard@unit:LAB CARBON', 'invalid unit code "LAB CARBON"'],
    ['user.standard@affiliation', 'invalid unit code ""'],
  ])('when the value is %j, then it is rejected (%s)', (value, reason) => {
    expect(parseRoleString(value)).toEqual({ ok: false, reason });
  });

  it('when the claim mixes unknown values, then they are ignored and reported, and duplicates dropped', () => {
    const ignored: unknown[] = [];
    const grants = parseRolesClaim(
      ['user.standard@unit:LAB-ICE', 42, 'nonsense', 'user.standard@unit:LAB-ICE'],
      (i) => ignored.push(i.value),
    );
    expect(grants).toEqual([{ role: 'user.standard', scope: { kind: 'unit', unitCode: 'LAB-ICE' } }]);
    expect(ignored).toEqual([42, 'nonsense']);
  });

  it('when the claim is missing, then there are no grants; a single string is accepted', () => {
    expect(parseRolesClaim(undefined)).toEqual([]);
    expect(parseRolesClaim('backoffice.admin@global')).toEqual([{ role: 'backoffice.admin', scope: { kind: 'global' } }]);
  });

  it('when the default provider meets an unknown role, then it logs a warning with the subject', () => {
    const warnings: unknown[] = [];
    const provider = createClaimsRoleProvider({ warn: (obj: unknown) => warnings.push(obj) } as never);
    const grants = provider.rolesFor({ sub: 'u1', exp: 1, roles: ['root@global'] });
    expect(grants).toEqual([]);
    expect(warnings).toEqual([{ sub: 'u1', role: 'root@global', reason: 'unknown role "root"' }]);
  });
});
