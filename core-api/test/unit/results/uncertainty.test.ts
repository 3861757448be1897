import { describe, expect, it } from 'vitest';
import { propagateUncertainty, type FactorKg } from '../../../src/domain/results/uncertainty.js';

const row = (key: string, kgCo2eq: number, relativeUncertainty: number | null, module: FactorKg['module'] = 'equipment'): FactorKg => ({
  key,
  factorId: key.startsWith('row:') ? null : key,
  module,
  kgCo2eq,
  relativeUncertainty,
  label: key,
  source: null,
});

describe('uncertainty propagation', () => {
  it('adds the kg of rows sharing a factor before applying its uncertainty, and the variances of different factors', () => {
    const r = propagateUncertainty(4, [row('a', 1000, 0.1), row('a', 1000, 0.1), row('b', 2000, 0.2)], () => 'none');
    expect(r.sigmaTonnesCo2eq).toBeCloseTo(Math.sqrt(0.2 ** 2 + 0.4 ** 2), 12);
    expect(r.low95TonnesCo2eq).toBeCloseTo(4 - 1.96 * r.sigmaTonnesCo2eq, 12);
    expect(r.byFactor.map((f) => [f.factorId, f.varianceShare])).toEqual([['b', 0.8], ['a', expect.closeTo(0.2, 12)]]);
    const other = propagateUncertainty(4, [row('a', 1000, 0.1), row('b', 2000, 0.2, 'purchases'), row('c', 1000, 0.3, 'purchases')], () => 'none');
    expect(other.byModule).toEqual([
      { module: 'equipment', sigmaTonnesCo2eq: expect.closeTo(0.1, 12), halfWidth95TonnesCo2eq: expect.closeTo(0.196, 12) },
      { module: 'purchases', sigmaTonnesCo2eq: expect.closeTo(0.5, 12), halfWidth95TonnesCo2eq: expect.closeTo(0.98, 12) },
    ]);
  });

  it('uses the module tag where the factor has none, keeps the low end at 0, and leaves out what carries no uncertainty', () => {
    const r = propagateUncertainty(1.5, [row('row:1', 1000, null, 'purchases'), row('c', 500, 0)], (m) => (m === 'purchases' ? 'high' : 'none'));
    expect(r.sigmaTonnesCo2eq).toBeCloseTo(0.5, 12);
    expect(r.low95TonnesCo2eq).toBeCloseTo(1.5 - 0.98, 12);
    expect(propagateUncertainty(1, [row('d', 1000, 0.9)], () => 'none').low95TonnesCo2eq).toBe(0);
    expect(r.byFactor).toEqual([expect.objectContaining({ factorId: null, basis: 'tag', relativeUncertainty: 0.5, varianceShare: 1 })]);
  });
});
