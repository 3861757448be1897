import { describe, expect, it } from 'vitest';
import { computeReportStats } from '../../../src/domain/results/report-stats.js';
import { computeResultsSummary, computeValidatedTotals } from '../../../src/domain/results/summary.js';

// Reference §10, examples 24–26 (module ids 1 headcount, 2 professional travel, 4 equipment, 5 purchases, 7 cloud & AI).
describe('worked examples §10: results', () => {
  it('#24 validated totals: kg {1: 5000, 2: 25000, 4: 15000, 7: 3200}, 120 FTE → modules {1: 120 FTE, 2: 25, 4: 15, 7: 3.2}, total 48.2 t', () => {
    const totals = computeValidatedTotals({ headcount: 5000, 'professional-travel': 25000, equipment: 15000, 'external-cloud-ai': 3200 }, 120);
    expect(totals.modules).toEqual({ headcount: 120, 'professional-travel': 25, equipment: 15, 'external-cloud-ai': 3.2 });
    expect(totals.totalTonnesCo2eq).toBeCloseTo(48.2, 9);
    expect(totals.totalFte).toBe(120);
  });

  it('#25 results summary: module 5 skipped; 28.7 t; 0.23917 t/FTE; 168823.5 car-km at 0.17; headcount −16.67 %; equipment YoY none (prev 0); unit +59.44 %', () => {
    const s = computeResultsSummary({
      current: { headcount: 5000, 'professional-travel': 12000, equipment: 8500, purchases: null, 'external-cloud-ai': 3200 },
      previous: { headcount: 6000, 'professional-travel': 12000, equipment: 0 },
      totalFte: 120,
      carKgPerKm: 0.17,
    });
    expect(s.modules.map((m) => m.module)).not.toContain('purchases');
    expect(s.totalTonnesCo2eq).toBeCloseTo(28.7, 9);
    expect(s.tonnesCo2eqPerFte).toBeCloseTo(0.23917, 5);
    expect(s.equivalentCarKm).toBeCloseTo(168823.5, 1);
    expect(s.modules.find((m) => m.module === 'headcount')?.changePercent).toBeCloseTo(-16.67, 2);
    expect(s.modules.find((m) => m.module === 'equipment')?.changePercent).toBeNull();
    expect(s.changePercent).toBeCloseTo(59.44, 2);
  });

  it('#26 report stats: equipment__it 60, purchases__it_equipment 40, process co2 100 → scopes 100/60/40, total 200, IT 100, no highest module until one is validated', () => {
    const facts = [
      { module: 'equipment' as const, emissionType: 'equipment__it', scope: 2 as const, kgCo2eq: 60 },
      { module: 'purchases' as const, emissionType: 'purchases__it_equipment', scope: 3 as const, kgCo2eq: 40 },
      { module: 'process-emissions' as const, emissionType: 'process_emissions__co2', scope: 1 as const, kgCo2eq: 100 },
    ];
    const stats = computeReportStats(facts, new Set());
    expect(stats).toMatchObject({ scope1: 100, scope2: 60, scope3: 40, total: 200, itTotalKg: 100, highestModule: null });
    expect(computeReportStats(facts, new Set(['equipment', 'purchases'])).highestModule).toBe('equipment');
  });
});
