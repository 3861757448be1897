import { describe, expect, it } from 'vitest';
import { additionalChart, byModuleChart, byScopeChart, chartCsv, compareChart, evolutionChart, itChart, itGroupOf, type ChartLabels } from '../src/features/charts/chart-spec.js';
import { evolutionFixture, resultsFixture } from './fixtures.js';

const labels: ChartLabels = { module: (m) => `M:${m}`, category: (c) => `C:${c}`, scope: (s) => s, itGroup: (g) => `IT:${g}`, year: String };

describe('chart specs from the results', () => {
  it('stacks each counted module by category, and the stacks add up to the total', () => {
    const spec = byModuleChart(resultsFixture(), 'By module', labels);
    expect(spec.categories).toEqual(['M:equipment', 'M:process-emissions']);
    expect(spec.series).toEqual([
      { name: 'C:equipment', values: [4.3642, 0] },
      { name: 'C:process_emissions', values: [0, 6] },
    ]);
    expect(spec.stacked).toBe(true);
    expect(spec.series.flatMap((s) => s.values).reduce((a, b) => a + b, 0)).toBeCloseTo(resultsFixture().totalTonnesCo2eq, 9);
  });

  it('draws the scopes, the IT groups (cloud types summed), the additional categories and the validated evolution by module', () => {
    expect(byScopeChart(resultsFixture(), 'Scopes', labels).series[0]?.values).toEqual([6, 4.3642, 0]);
    const it = itChart(resultsFixture(), 'IT', labels);
    expect(it.categories).toEqual(['IT:equipment', 'IT:clouds']);
    expect(it.series[0]?.values[1]).toBeCloseTo(0.5, 12);
    expect(itGroupOf('external__ai__provider_openai')).toBe('ai');
    expect(itGroupOf('research_facilities__it_facilities')).toBe('facilities');
    expect(additionalChart(resultsFixture(), 'Additional', labels).series[0]?.values).toEqual([1.4, 0.7]);
    const evolution = evolutionChart(evolutionFixture, 'Evolution', labels);
    expect(evolution.categories).toEqual(['2024', '2025']);
    expect(evolution.series).toEqual([
      { name: 'M:equipment', values: [5, 4.3642] },
      { name: 'M:process-emissions', values: [10.7, 6] },
    ]);
  });

  it('compares two years side by side, older first, by module and by category', () => {
    const before = resultsFixture({ year: 2024, byModule: [{ module: 'equipment', status: 'validated', tonnesCo2eq: 5, previousTonnesCo2eq: null, changePercent: null }], byCategory: [{ category: 'equipment', tonnesCo2eq: 5 }] });
    const spec = compareChart(resultsFixture(), before, 'module', 'Compare', labels);
    expect(spec.series.map((s) => s.name)).toEqual(['2024', '2025']);
    expect(spec.categories).toEqual(['M:equipment', 'M:process-emissions']);
    expect(spec.series[0]?.values).toEqual([5, 0]);
    expect(spec.series[1]?.values).toEqual([4.3642, 6]);
    expect(compareChart(resultsFixture(), before, 'category', 'Compare', labels).categories).toEqual(['C:equipment', 'C:process_emissions']);
  });
});

describe('chart CSV', () => {
  it('writes one row per category and one column per series, with full-precision tonnes and quoted labels', () => {
    const spec = byModuleChart(resultsFixture(), 'By module', { ...labels, module: (m) => (m === 'equipment' ? 'Equipment, IT' : m) });
    expect(chartCsv(spec, 'Module').split('\r\n')).toEqual([
      'Module,C:equipment (t CO2-eq),C:process_emissions (t CO2-eq)',
      '"Equipment, IT",4.3642,0',
      'process-emissions,0,6',
      '',
    ]);
  });
});
