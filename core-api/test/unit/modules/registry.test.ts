import { MODULES, SUBMODULE_KEYS } from '@co2/contracts';
import { describe, expect, it } from 'vitest';
import { emissionType, EMISSION_TYPES, MODULE_REGISTRY, submoduleDefinition } from '../../../src/domain/modules/index.js';

describe('module registry', () => {
  it('when listed, then every module and submodule of the identifier table has exactly one definition, in order', () => {
    expect(MODULE_REGISTRY.map((m) => m.key)).toEqual(Object.keys(MODULES));
    expect(MODULE_REGISTRY.flatMap((m) => m.submodules.map((s) => s.key))).toEqual(SUBMODULE_KEYS);
    for (const m of MODULE_REGISTRY) for (const s of m.submodules) expect(s.module).toBe(m.key);
  });

  it('when a definition names its emission types, then each is a known node with a scope and a category', () => {
    for (const key of SUBMODULE_KEYS) {
      const def = submoduleDefinition(key);
      expect(def.emissionTypes.length, key).toBeGreaterThan(0);
      for (const t of def.emissionTypes) {
        const type = emissionType(t);
        expect(type.scope, `${key} → ${t}`).not.toBeNull();
        expect(type.category, `${key} → ${t}`).not.toBeNull();
      }
    }
  });

  it('when labels are read, then every module and submodule has English, French and German labels', () => {
    for (const m of MODULE_REGISTRY) {
      for (const labels of [m.labels, ...m.submodules.map((s) => s.labels)]) {
        expect(labels.en.length * labels.fr.length * labels.de.length).toBeGreaterThan(0);
      }
    }
  });

  it('only embodied energy is derived (written by the system, not by people)', () => {
    expect(SUBMODULE_KEYS.filter((k) => submoduleDefinition(k).derived)).toEqual(['buildings/embodied-energy']);
  });
});

describe('emission-type tree (reference §2.2)', () => {
  it('keeps the reference ids, scopes and categories', () => {
    expect(emissionType('professional_travel__plane__eco')).toMatchObject({ id: 50203, scope: 3, category: 'professional_travel', leaf: true });
    expect(emissionType('buildings__rooms__lighting__office')).toMatchObject({ id: 6010101, scope: 2, category: 'buildings_room' });
    expect(emissionType('buildings__rooms__heating_thermal__miscellaneous')).toMatchObject({ id: 6010506, scope: 1, category: 'buildings_energy_combustion' });
    expect(emissionType('buildings__combustion__wood_logs')).toMatchObject({ id: 60206, scope: 1 });
    expect(emissionType('buildings__construction_and_renovation')).toMatchObject({ id: 60300, scope: 3, additional: true });
    expect(emissionType('purchases__additional__ln2')).toMatchObject({ id: 90901, scope: 1, category: 'purchases' });
    expect(emissionType('waste__recycling__inert_waste')).toMatchObject({ id: 2000413, scope: 3, additional: true });
    expect(emissionType('research_facilities__animal__fish')).toMatchObject({ id: 10020002, parent: 'research_facilities__animal' });
    expect(emissionType('external__ai__provider_others')).toMatchObject({ id: 110206, scope: 3 });
    expect(emissionType('process_emissions__refrigerants')).toMatchObject({ id: 70400, scope: 1 });
    expect(emissionType('equipment__it')).toMatchObject({ id: 80200, scope: 2 });
  });

  it('has unique ids and keys, and roll-ups (headcount, rooms) without a scope', () => {
    expect(new Set(EMISSION_TYPES.map((t) => t.id)).size).toBe(EMISSION_TYPES.length);
    expect(new Set(EMISSION_TYPES.map((t) => t.key)).size).toBe(EMISSION_TYPES.length);
    expect(emissionType('headcount').scope).toBeNull();
    expect(emissionType('buildings__rooms').scope).toBeNull();
    expect(EMISSION_TYPES.filter((t) => t.key.startsWith('buildings__rooms__')).length).toBe(5 + 5 * 6);
  });
});
