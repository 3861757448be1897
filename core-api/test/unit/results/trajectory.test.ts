import { describe, expect, it } from 'vitest';
import { institutionAverage } from '../../../src/domain/results/benchmark.js';
import { allowedTonnes, buildGoalTrajectory } from '../../../src/domain/results/trajectory.js';

const goal = { label: 'Half by 2030', referenceYear: 2020, targetYear: 2030, reductionPercent: 50 };

describe('trajectory to a reduction goal', () => {
  it('falls linearly from the reference total to the target and stays at the target afterwards', () => {
    expect(allowedTonnes(goal, 10, 2020)).toBe(10);
    expect(allowedTonnes(goal, 10, 2025)).toBeCloseTo(7.5, 12);
    expect(allowedTonnes(goal, 10, 2030)).toBeCloseTo(5, 12);
    expect(allowedTonnes(goal, 10, 2034)).toBeCloseTo(5, 12);
  });

  it('judges the latest validated year after the reference: at or below the path is on track', () => {
    const on = buildGoalTrajectory(goal, [{ year: 2020, tonnesCo2eq: 10 }, { year: 2022, tonnesCo2eq: 12 }, { year: 2024, tonnesCo2eq: 8 }]);
    expect(on.verdict).toBe('on_track');
    expect(on.latest).toMatchObject({ year: 2024, tonnesCo2eq: 8 });
    expect(on.latest?.allowedTonnesCo2eq).toBeCloseTo(8, 12); // exactly on the path counts as on track
    const off = buildGoalTrajectory(goal, [{ year: 2020, tonnesCo2eq: 10 }, { year: 2031, tonnesCo2eq: 5.5 }]);
    expect(off).toMatchObject({ verdict: 'off_track', latest: { year: 2031 } });
    expect(off.latest?.gapTonnesCo2eq).toBeCloseTo(0.5, 12);
    expect(off.path).toHaveLength(11);
  });

  it('without a reference total or a later year, says so instead of guessing', () => {
    expect(buildGoalTrajectory(goal, [{ year: 2021, tonnesCo2eq: 3 }])).toMatchObject({ verdict: 'no_reference', path: [], referenceTonnesCo2eq: null });
    expect(buildGoalTrajectory(goal, [{ year: 2019, tonnesCo2eq: 3 }, { year: 2020, tonnesCo2eq: 4 }])).toMatchObject({ verdict: 'no_data', latest: null, actual: [{ year: 2020, tonnesCo2eq: 4 }] });
  });
});

describe('institution average per FTE', () => {
  const lab = (unitId: string, tonnes: number, fte: number, fullyValidated = true) => ({ unitId, validatedTonnesCo2eq: tonnes, fte, fullyValidated });

  it('is Σ tonnes / Σ FTE over fully validated labs with FTE, never an average of fewer than three labs', () => {
    expect(institutionAverage([lab('a', 10, 5), lab('b', 20, 5), lab('c', 30, 10), lab('d', 99, 1, false), lab('e', 50, 0)])).toEqual({ tonnesCo2eqPerFte: 60 / 20, labs: 3 });
    expect(institutionAverage([lab('a', 10, 5), lab('b', 20, 5), lab('d', 99, 1, false)])).toBeNull();
  });
});
