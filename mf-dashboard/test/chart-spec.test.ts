import { describe, expect, it } from 'vitest';
import { additionalChart, benchmarkChart, byModuleChart, byScopeChart, chartCsv, compareChart, evolutionChart, itChart, itGroupOf, trajectoryChart, type ChartLabels } from '../src/features/charts/chart-spec.js';
import { goalVerdict } from '../src/features/charts/trajectory-view.js';
import { benchmarkFixture, evolutionFixture, resultsFixture, trajectoryFixture } from './fixtures.js';

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
    expect(spec.errors).toEqual([0.5316, 0.8232]); // each module's 95 % half-range: the error bars
    expect(spec.series.flatMap((s) => s.values).reduce<number>((a, b) => a + (b ?? 0), 0)).toBeCloseTo(resultsFixture().totalTonnesCo2eq, 9);
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
      'Module,C:equipment (t CO2-eq),C:process_emissions (t CO2-eq),± 95 % (t CO2-eq)',
      '"Equipment, IT",4.3642,0,0.5316',
      'process-emissions,0,6,0.8232',
      '',
    ]);
  });
});

describe('trajectory and per-FTE charts', () => {
  it('puts the path and the validated totals on the same years, null where a year has no figure, and says the verdict with figures', () => {
    const goal = trajectoryFixture.goals[0]!;
    const spec = trajectoryChart(goal, 0, { path: 'Path', actual: 'Actual' });
    expect(spec.categories).toEqual(['2024', '2025', '2026']);
    expect(spec.series[0]).toEqual({ name: 'Path', values: [15.7, 13.345, 10.99], dashed: true });
    expect(spec.series[1]).toEqual({ name: 'Actual', values: [15.7, 10.3642, null] });
    expect(chartCsv(spec, 'Half').split('\r\n')[3]).toBe('2026,10.99,');
    expect(goalVerdict(goal, 'en')).toEqual({
      key: 'trajectory.verdict.on_track',
      params: { referenceYear: 2024, targetYear: 2026, percent: 30, year: 2025, actual: '10.4\u00a0t', allowed: '13.3\u00a0t', gap: '2.98\u00a0t', reference: '15.7\u00a0t', target: '11\u00a0t' },
    });
  });

  it('shows the unit, and the institution and the objective only where the API has them, in t per FTE', () => {
    const names = { unit: 'Unit', institution: 'Institution', objective: 'Objective' };
    expect(benchmarkChart(benchmarkFixture, 'Per FTE', names)).toMatchObject({ categories: ['Unit', 'Objective'], series: [{ values: [1.5241, 1.9625] }], unit: 'tonnesPerFte' });
    const full = benchmarkChart({ ...benchmarkFixture, institution: { tonnesCo2eqPerFte: 2.5, labs: 4 } }, 'Per FTE', names);
    expect(full.categories).toEqual(['Unit', 'Institution', 'Objective']);
    expect(chartCsv(full, 'Per FTE').split('\r\n')[0]).toBe('Per FTE,Per FTE (t CO2-eq/FTE)');
  });
});
