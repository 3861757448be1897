import { describe, expect, it } from 'vitest';
import { hasBackofficeRole, parseRoleClaim, unitCodesOf } from '../src/index.js';

describe('parseRoleClaim', () => {
  it('parses the three scopes', () => {
    expect(parseRoleClaim('user.principal@unit:LAB-CARBON')).toEqual({ role: 'user.principal', scope: { kind: 'unit', unitCode: 'LAB-CARBON' } });
    expect(parseRoleClaim('backoffice.metier@affiliation:ENV')).toEqual({ role: 'backoffice.metier', scope: { kind: 'affiliation', unitCode: 'ENV' } });
    expect(parseRoleClaim('backoffice.admin@global')).toEqual({ role: 'backoffice.admin', scope: { kind: 'global' } });
  });

  it.each(['', 'user.principal', 'superuser@global', 'user.standard@unit:', 'user.standard@planet:X', 'backoffice.admin@globalx'])(
    'rejects %j',
    (claim) => expect(parseRoleClaim(claim)).toBeNull(),
  );
});

describe('hasBackofficeRole', () => {
  it('when a claim grants backoffice.metier or backoffice.admin in any scope, then true', () => {
    expect(hasBackofficeRole(['backoffice.metier@affiliation:ENV'])).toBe(true);
    expect(hasBackofficeRole(['user.standard@unit:LAB-ICE', 'backoffice.admin@global'])).toBe(true);
  });

  it('when only user roles or look-alikes are present, then false', () => {
    expect(hasBackofficeRole(['user.principal@unit:LAB-CARBON', 'user.standard@unit:LAB-ICE'])).toBe(false);
    expect(hasBackofficeRole(['backoffice.metierX@global', 'xbackoffice.admin@global'])).toBe(false);
    expect(hasBackofficeRole([])).toBe(false);
  });
});

describe('unitCodesOf', () => {
  it('lists unit-scoped codes once, in order, ignoring affiliations and global grants', () => {
    expect(
      unitCodesOf(['user.principal@unit:LAB-CARBON', 'backoffice.metier@affiliation:ENV', 'user.standard@unit:LAB-ICE', 'user.standard@unit:LAB-CARBON', 'backoffice.admin@global']),
    ).toEqual(['LAB-CARBON', 'LAB-ICE']);
  });
});

describe('unitName', async () => {
  const { unitName } = await import('../src/index.js');
  const unit = { name: 'Carbon Lab', nameFr: 'Laboratoire carbone', nameDe: null };
  it('uses the French name in French and falls back to English when there is no German name', () => {
    expect(unitName(unit, 'en')).toBe('Carbon Lab');
    expect(unitName(unit, 'fr')).toBe('Laboratoire carbone');
    expect(unitName(unit, 'de')).toBe('Carbon Lab');
    expect(unitName({ ...unit, nameDe: 'Kohlenstofflabor' }, 'de')).toBe('Kohlenstofflabor');
  });
});
