import { describe, expect, it } from 'vitest';
import { headlineFigures, isPrincipalOf, moduleLines, optionsQuery, readOptions, statusesOf, uncertaintyItems } from '../src/features/results/dashboard-view.js';
import { provisionalFixture, resultsFixture } from './fixtures.js';

describe('dashboard options in the address', () => {
  it('reads provisional, additional and compare, ignoring what is not theirs, and writes back only what differs from the default', () => {
    expect(readOptions({})).toEqual({ provisional: false, additional: false, compare: null });
    const options = readOptions({ provisional: 'true', additional: 'true', compare: '2024', page: '2' });
    expect(options).toEqual({ provisional: true, additional: true, compare: 2024 });
    expect(optionsQuery(options)).toEqual({ provisional: 'true', additional: 'true', compare: '2024' });
    expect(readOptions({ provisional: 'yes', compare: 'last' })).toEqual({ provisional: false, additional: false, compare: null });
    expect(optionsQuery(readOptions({}))).toEqual({});
  });
});

describe('headline figures', () => {
  it('rounds as shown in each language: tonnes with three significant digits, signed change, whole car-km', () => {
    expect(headlineFigures(resultsFixture(), 'en')).toEqual({ total: '10.4\u00a0t', range: '±\u00a00.98\u00a0t', perFte: '1.52\u00a0t', change: '-34%', previousYear: 2024, carKm: '34,593\u00a0km' });
    const fr = headlineFigures(resultsFixture(), 'fr');
    expect(fr.total).toBe('10,4\u00a0t');
    expect(fr.change).toMatch(/^-34\s?%$/);
    expect(headlineFigures(resultsFixture(), 'de').carKm).toBe('34.593\u00a0km');
  });

  it('when there is no FTE, no previous total or no uncertainty, then those figures are null (shown as a dash or a note)', () => {
    const none = { sigmaTonnesCo2eq: 0, halfWidth95TonnesCo2eq: 0, low95TonnesCo2eq: 10.3642, high95TonnesCo2eq: 10.3642, byModule: [], byFactor: [] };
    const f = headlineFigures(resultsFixture({ tonnesCo2eqPerFte: null, changePercent: null, uncertainty: none }), 'en');
    expect(f.range).toBeNull();
    expect(f.perFte).toBeNull();
    expect(f.change).toBeNull();
  });
});

describe('module lines', () => {
  it('lists every module in the reference order: counted ones with tonnes, the others with their status and no tonnes, each linked to the inventory', () => {
    const lines = moduleLines(resultsFixture(), statusesOf(provisionalFixture()), 'en');
    expect(lines.map((l) => l.module)).toEqual(['headcount', 'professional-travel', 'buildings', 'equipment', 'purchases', 'external-cloud-ai', 'process-emissions', 'research-facilities']);
    expect(lines.find((l) => l.module === 'equipment')).toEqual({ module: 'equipment', status: 'validated', counted: true, tonnes: '4.36\u00a0t', inventoryPath: '/inventory/modules/equipment' });
    expect(lines.find((l) => l.module === 'professional-travel')).toMatchObject({ status: 'in_progress', counted: false, tonnes: null });
    expect(lines.find((l) => l.module === 'buildings')).toMatchObject({ status: 'not_started', counted: false });
    expect(lines.find((l) => l.module === 'headcount')).toMatchObject({ counted: true, tonnes: null }); // headcount counts FTE, not tonnes
  });

  it('knows principals of the unit from the role claims', () => {
    expect(isPrincipalOf(['user.principal@unit:LAB-CARBON'], 'LAB-CARBON')).toBe(true);
    expect(isPrincipalOf(['user.principal@unit:LAB-ICE', 'backoffice.metier@affiliation:ENV'], 'LAB-CARBON')).toBe(false);
    expect(isPrincipalOf(['user.principal@unit:LAB-CARBON'], null)).toBe(false);
  });
});

describe('uncertainty in the explain drawer', () => {
  it('lists each factor with its tonnes, its relative uncertainty, where it comes from and its share of the variance', () => {
    const items = uncertaintyItems(resultsFixture(), { module: (m) => m, relative: 'relative', basis: (b) => `basis ${b}`, sigma: (s) => `σ ${s}` }, 'en');
    expect(items.map((i) => [i.label, Math.round(i.kgCo2eq * 1000) / 1000, i.uncertaintyShare])).toEqual([
      ['process-emissions: process-emissions/gases · CO2', 6000, 0.7056],
      ['equipment: equipment__it', 4364.2, 0.2944],
    ]);
    expect(items[0]?.factor).toEqual({ id: '8a4c2f0e-1d3b-4c5a-9e6f-7a8b9c0d1e2f', label: 'process-emissions/gases · CO2', source: 'IPCC AR5', values: [{ value: 7, unit: '%', label: 'relative' }] });
    expect(items[1]?.extra).toEqual(['basis tag', 'σ 0.271\u00a0t']);
  });
});
