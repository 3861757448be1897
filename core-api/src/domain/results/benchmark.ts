/** Fewer labs than this in an average could let a reader work out one lab's figure: no average then. */
export const MIN_LABS_IN_AVERAGE = 3;

export interface LabFigure {
  unitId: string;
  /** Every module of the lab's report is validated. */
  fullyValidated: boolean;
  validatedTonnesCo2eq: number;
  fte: number;
}

/** The institution's t CO₂-eq per FTE over fully validated labs with FTE recorded: Σ tonnes / Σ FTE (null under the minimum). */
export function institutionAverage(labs: readonly LabFigure[]): { tonnesCo2eqPerFte: number; labs: number } | null {
  const counted = labs.filter((l) => l.fullyValidated && l.fte > 0);
  if (counted.length < MIN_LABS_IN_AVERAGE) return null;
  const tonnes = counted.reduce((s, l) => s + l.validatedTonnesCo2eq, 0);
  const fte = counted.reduce((s, l) => s + l.fte, 0);
  return { tonnesCo2eqPerFte: tonnes / fte, labs: counted.length };
}
