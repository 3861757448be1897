import type { GoalTrajectory, ReductionGoal } from '@co2/contracts';

export interface YearTotal {
  year: number;
  tonnesCo2eq: number;
}

/** Rounding noise below a gram never turns "on track" into "off track". */
const TOLERANCE_T = 1e-6;

/** The straight path's value in `year`: the reference total, falling linearly to the target, then staying there. */
export function allowedTonnes(goal: Pick<ReductionGoal, 'referenceYear' | 'targetYear' | 'reductionPercent'>, referenceTonnes: number, year: number): number {
  const target = referenceTonnes * (1 - goal.reductionPercent / 100);
  if (year <= goal.referenceYear) return referenceTonnes;
  if (year >= goal.targetYear) return target;
  return referenceTonnes + ((target - referenceTonnes) * (year - goal.referenceYear)) / (goal.targetYear - goal.referenceYear);
}

/**
 * A unit against one reduction goal, from its validated totals per year (years with a validated module only):
 * the path from the reference year's total to the target, the totals from the reference year on, and whether the
 * latest validated year after the reference is at or below the path.
 */
export function buildGoalTrajectory(goal: ReductionGoal, validatedTotals: readonly YearTotal[]): GoalTrajectory {
  const reference = validatedTotals.find((t) => t.year === goal.referenceYear);
  const actual = validatedTotals.filter((t) => t.year >= goal.referenceYear).sort((a, b) => a.year - b.year);
  const base = { ...goal, actual: actual.map((t) => ({ year: t.year, tonnesCo2eq: t.tonnesCo2eq })) };
  if (!reference) return { ...base, referenceTonnesCo2eq: null, targetTonnesCo2eq: null, path: [], verdict: 'no_reference', latest: null };

  const path: YearTotal[] = [];
  for (let year = goal.referenceYear; year <= goal.targetYear; year++) path.push({ year, tonnesCo2eq: allowedTonnes(goal, reference.tonnesCo2eq, year) });
  const after = actual.filter((t) => t.year > goal.referenceYear);
  const last = after.at(-1);
  const common = { ...base, referenceTonnesCo2eq: reference.tonnesCo2eq, targetTonnesCo2eq: allowedTonnes(goal, reference.tonnesCo2eq, goal.targetYear), path };
  if (!last) return { ...common, verdict: 'no_data', latest: null };
  const allowed = allowedTonnes(goal, reference.tonnesCo2eq, last.year);
  const gap = last.tonnesCo2eq - allowed;
  return { ...common, verdict: gap <= TOLERANCE_T ? 'on_track' : 'off_track', latest: { year: last.year, tonnesCo2eq: last.tonnesCo2eq, allowedTonnesCo2eq: allowed, gapTonnesCo2eq: gap } };
}
