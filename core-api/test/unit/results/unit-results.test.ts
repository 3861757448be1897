import type { ModuleKey, ModuleStatus } from '@co2/contracts';
import { describe, expect, it } from 'vitest';
import type { ModuleSnapshot } from '../../../src/domain/reports/report.js';
import { buildEvolution, buildUnitResults } from '../../../src/domain/results/unit-results.js';

const snap = (year: number, module: ModuleKey, status: ModuleStatus, byEmissionType: Record<string, number>): ModuleSnapshot => ({
  year,
  module,
  status,
  totalKg: Object.values(byEmissionType).reduce((s, v) => s + v, 0),
  entryCount: 1,
  totals: { byEmissionType },
  validatedAt: status === 'validated' ? '2025-01-01T00:00:00.000Z' : null,
  updatedAt: '2025-01-01T00:00:00.000Z',
});

const current = [
  snap(2025, 'headcount', 'validated', { food__vegetarian: 300, commuting__public_transport: 200 }),
  snap(2025, 'equipment', 'validated', { equipment__it: 100, equipment__scientific: 400 }),
  snap(2025, 'process-emissions', 'in_progress', { process_emissions__co2: 1000 }),
  snap(2025, 'buildings', 'validated', { buildings__construction_and_renovation: 50, buildings__combustion__natural_gas: 500 }),
];
const previous = [snap(2024, 'equipment', 'validated', { equipment__scientific: 250 }), snap(2024, 'process-emissions', 'validated', { process_emissions__co2: 10 })];

describe('unit results from cached module sums', () => {
  it('when modules are not validated, then they are left out unless the view is provisional', () => {
    const r = buildUnitResults({ current, previous, totalFte: 2, provisional: false });
    expect(r.modules).toEqual(['headcount', 'buildings', 'equipment']);
    expect(r.totalTonnesCo2eq).toBeCloseTo(1.0, 12); // 500 equipment + 500 combustion; additional categories apart
    const p = buildUnitResults({ current, previous, totalFte: 2, provisional: true });
    expect(p.modules).toContain('process-emissions');
    expect(p.totalTonnesCo2eq).toBeCloseTo(2.0, 12);
  });

  it('puts commuting, food, waste and embodied energy beside the totals, per FTE too', () => {
    const r = buildUnitResults({ current, previous, totalFte: 2, provisional: false });
    expect(r.additional.totalTonnesCo2eq).toBeCloseTo(0.55, 12);
    expect(r.additional.tonnesCo2eqPerFte).toBeCloseTo(0.275, 12);
    expect(r.additional.byCategory).toEqual([
      { category: 'food', tonnesCo2eq: 0.3 },
      { category: 'commuting', tonnesCo2eq: 0.2 },
      { category: 'embodied_energy', tonnesCo2eq: 0.05 },
    ]);
    expect(r.byModule.find((m) => m.module === 'headcount')?.tonnesCo2eq).toBe(0);
  });

  it('splits by scope and category, and sums the IT focus', () => {
    const r = buildUnitResults({ current, previous, totalFte: 2, provisional: true });
    expect(r.byScope).toEqual({ scope1: 1.5, scope2: 0.5, scope3: 0 });
    expect(r.byCategory).toEqual([
      { category: 'process_emissions', tonnesCo2eq: 1 },
      { category: 'buildings_energy_combustion', tonnesCo2eq: 0.5 },
      { category: 'equipment', tonnesCo2eq: 0.5 },
    ]);
    expect(r.itFocus).toEqual({ tonnesCo2eq: 0.1, byEmissionType: [{ emissionType: 'equipment__it', tonnesCo2eq: 0.1 }] });
  });

  it('splits each counted module by category, in module order, additional categories left out', () => {
    const r = buildUnitResults({ current, previous, totalFte: 2, provisional: true });
    expect(r.byModuleCategory).toEqual([
      { module: 'buildings', category: 'buildings_energy_combustion', tonnesCo2eq: 0.5 },
      { module: 'equipment', category: 'equipment', tonnesCo2eq: 0.5 },
      { module: 'process-emissions', category: 'process_emissions', tonnesCo2eq: 1 },
    ]);
    const sum = r.byModuleCategory.reduce((s, c) => s + c.tonnesCo2eq, 0);
    expect(sum).toBeCloseTo(r.totalTonnesCo2eq, 12);
  });

  it('compares with the previous year counted the same way (validated vs validated)', () => {
    const r = buildUnitResults({ current, previous, totalFte: 0, provisional: false });
    expect(r.previousTotalTonnesCo2eq).toBeCloseTo(0.26, 12);
    expect(r.changePercent).toBeCloseTo(((1000 - 260) / 260) * 100, 9);
    expect(r.byModule.find((m) => m.module === 'equipment')).toMatchObject({ tonnesCo2eq: 0.5, previousTonnesCo2eq: 0.25, changePercent: 100 });
    expect(r.tonnesCo2eqPerFte).toBeNull(); // no FTE: no per-FTE figure, never a division by zero
  });

  it('when nothing is validated in either year, then every figure is 0 or null', () => {
    const r = buildUnitResults({ current: [snap(2025, 'equipment', 'in_progress', { equipment__it: 5 })], previous: [], totalFte: 1, provisional: false });
    expect(r).toMatchObject({ modules: [], totalTonnesCo2eq: 0, previousTotalTonnesCo2eq: null, changePercent: null, byModule: [], byCategory: [] });
  });

  it('evolution: validated totals per year, oldest first', () => {
    expect(buildEvolution([...current, ...previous])).toEqual([
      { year: 2024, totalTonnesCo2eq: 0.26, validatedModules: ['equipment', 'process-emissions'], byModule: [{ module: 'equipment', tonnesCo2eq: 0.25 }, { module: 'process-emissions', tonnesCo2eq: 0.01 }] },
      {
        year: 2025,
        totalTonnesCo2eq: 1,
        validatedModules: ['headcount', 'buildings', 'equipment'],
        byModule: [{ module: 'headcount', tonnesCo2eq: 0 }, { module: 'buildings', tonnesCo2eq: 0.5 }, { module: 'equipment', tonnesCo2eq: 0.5 }],
      },
    ]);
  });
});
