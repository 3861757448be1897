import type { Factor as FactorDto } from '@co2/contracts';
import type { Scalar } from '../modules/types.js';

/** A factor as the API shows it. */
export type FactorRecord = FactorDto;

export interface FactorFilter {
  year?: number;
  submodule?: string;
  /** Text searched in the emission type, classification, unit and source. */
  q?: string;
  page: number;
  pageSize: number;
}

/** The fields a create or update may set. */
export interface FactorChange {
  emissionType?: string | null;
  classification?: Record<string, Scalar>;
  values?: Record<string, Scalar>;
  unit?: string | null;
  source?: string | null;
  relativeUncertainty?: number | null;
}

export type FactorWriteOutcome = { ok: true; factor: FactorRecord } | { ok: false; reason: 'duplicate' | 'missing' };
