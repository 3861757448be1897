import type { Entry } from '@co2/contracts';

/** One value of an emission factor, e.g. `{ value: 0.152, unit: 'kg CO₂e/pkm', label: 'CO₂e incl. RFI' }`. */
export interface ExplainFactorValue {
  value: number;
  unit?: string;
  label?: string;
}

/** The factor behind a contribution: what it is, its year, its value(s) and where it comes from. */
export interface ExplainFactor {
  id?: string | null;
  label?: string;
  year?: number | null;
  values?: ExplainFactorValue[];
  source?: string;
}

/** One input of a formula: its name (or a label), its value, its unit when known. */
export interface ExplainInput {
  name: string;
  label?: string;
  value: string | number | boolean | null;
  unit?: string;
}

/** One contribution to an explained figure: label, kg CO₂e, formula, inputs, factor, extra lines, uncertainty. */
export interface ExplainItem {
  id: string;
  label: string;
  kgCo2eq: number;
  scope?: number;
  category?: string;
  formula?: string;
  inputs: ExplainInput[];
  factor?: ExplainFactor;
  /** Lines that justify the choice, e.g. "why this factor: long haul, business class, RFI 2". */
  extra?: string[];
  /** Share of the total uncertainty carried by this contribution, 0–1. */
  uncertaintyShare?: number;
}

/** An emission row as the contract has it, plus the factor fields the inventory contract will add (optional here). */
export type ExplainableEmission = Entry['emissions'][number] & {
  factorLabel?: string | null;
  factorSource?: string | null;
  factorValues?: ExplainFactorValue[] | null;
};

export interface ExplainLabels {
  /** A readable name of an emission type (`professional_travel__plane__business`); default: the type itself. */
  emissionType?: (emissionType: string) => string;
  /** Readable names and units of input keys: `{ distance_km: { label: 'Distance', unit: 'km' } }`. */
  inputs?: Record<string, { label?: string; unit?: string }>;
}

/** The explain items of an entry: one per computed emission row, its quantity first among the inputs. */
export function explainItemsFromEntry(entry: Pick<Entry, 'id'> & { emissions: readonly ExplainableEmission[] }, labels: ExplainLabels = {}): ExplainItem[] {
  return entry.emissions.map((emission, index) => {
    const quantity: ExplainInput[] = emission.quantity === null ? [] : [{ name: 'quantity', value: emission.quantity, ...(emission.quantityUnit ? { unit: emission.quantityUnit } : {}) }];
    const inputs = Object.entries(emission.inputs).map(([name, value]): ExplainInput => ({ name, value, ...labels.inputs?.[name] }));
    return {
      id: `${entry.id}:${index}`,
      label: labels.emissionType?.(emission.emissionType) ?? emission.emissionType,
      kgCo2eq: emission.kgCo2eq,
      scope: emission.scope,
      category: emission.category,
      formula: emission.formula,
      inputs: [...quantity, ...inputs],
      ...(emission.factorId ? { factor: factorOf(emission) } : {}),
    };
  });
}

function factorOf(emission: ExplainableEmission): ExplainFactor {
  return {
    id: emission.factorId,
    year: emission.factorYear,
    ...(emission.factorLabel ? { label: emission.factorLabel } : {}),
    ...(emission.factorSource ? { source: emission.factorSource } : {}),
    ...(emission.factorValues ? { values: emission.factorValues } : {}),
  };
}
