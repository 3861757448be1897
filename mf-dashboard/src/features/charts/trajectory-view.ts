// The verdict of a goal in words: which message and with which figures (the component translates it).
import type { GoalTrajectory } from '@co2/contracts';
import { formatTonnes } from '@co2/ui/format';

export interface VerdictText {
  key: `trajectory.verdict.${GoalTrajectory['verdict']}`;
  params: Record<string, string | number>;
}

export function goalVerdict(goal: GoalTrajectory, locale: string): VerdictText {
  const key = `trajectory.verdict.${goal.verdict}` as const;
  const base = { referenceYear: goal.referenceYear, targetYear: goal.targetYear, percent: goal.reductionPercent };
  if (!goal.latest || goal.referenceTonnesCo2eq === null || goal.targetTonnesCo2eq === null) return { key, params: base };
  return {
    key,
    params: {
      ...base,
      year: goal.latest.year,
      actual: formatTonnes(goal.latest.tonnesCo2eq, locale),
      allowed: formatTonnes(goal.latest.allowedTonnesCo2eq, locale),
      gap: formatTonnes(Math.abs(goal.latest.gapTonnesCo2eq), locale),
      reference: formatTonnes(goal.referenceTonnesCo2eq, locale),
      target: formatTonnes(goal.targetTonnesCo2eq, locale),
    },
  };
}
