import type { ModuleKey, SubmoduleKey } from '@co2/contracts';
import type { ZodType } from 'zod';
import type { EmissionTypeKey } from './emission-types/index.js';

export type Scalar = string | number | boolean | null;

/** An emission factor of one year and submodule: lookup keys (classification) → numbers (values). */
export interface Factor {
  id: string;
  year: number;
  submodule: SubmoduleKey;
  /** The leaf this factor produces, when the factor decides it (headcount, embodied energy). */
  emissionType: EmissionTypeKey | null;
  classification: Record<string, Scalar>;
  values: Record<string, Scalar>;
  /** Unit of the main value, e.g. `kg CO2-eq/km`, `g CO2-eq/request`. */
  unit: string | null;
  source: string | null;
}

/** The factors available to a computation (the report year's factors). */
export interface FactorsLookup {
  factorsFor(submodule: SubmoduleKey): readonly Factor[];
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
  countryCode: string | null;
}

/** Reference data the engine reads synchronously; the caller loads what an entry needs beforehand. */
export interface ReferenceData {
  airport(iata: string): GeoPoint | undefined;
  /** Stations with that name (and country, when given) or that location key: 0, 1 or several. */
  stations(query: { name: string; countryCode?: string; locationKey?: string }): GeoPoint[];
  roomSurface(buildingName: string, roomName: string): number | undefined;
  /** Yearly average rate: units of `currency` for 1 EUR (ECB convention). */
  fxRate(year: number, currency: string): number | undefined;
  /** Price index of a currency area for a year (any base; only ratios are used). */
  priceIndex(currency: string, year: number): number | undefined;
}

export interface ComputeSettings {
  /** Working days per year for per-day activity (AI): default 5 × 46 as coded by the reference. */
  workingDaysPerYear: number;
}

export const DEFAULT_SETTINGS: ComputeSettings = { workingDaysPerYear: 5 * 46 };

export interface ComputeContext {
  year: number;
  reference: ReferenceData;
  settings: ComputeSettings;
  /** A kg CO2-eq value that replaces the formula (CSV `kg_co2eq`, travel-agency feed). */
  override?: number;
}

/** Why an entry has no emission. Never silent: the API and UI show it. */
export type ReasonCode =
  | 'invalid_data'
  | 'missing_factor'
  | 'ambiguous_factor'
  | 'missing_location'
  | 'ambiguous_location'
  | 'missing_reference'
  | 'missing_input'
  | 'missing_fx_rate'
  | 'missing_price_index'
  | 'unit_mismatch'
  | 'unknown_emission_type';

export interface Failure {
  ok: false;
  reason: ReasonCode;
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = (reason: ReasonCode, message: string): Failure => ({ ok: false, reason, message });

/** What a compute function returns per row; the engine adds scope, category and factor provenance. */
export interface EmissionDraft {
  emissionType: EmissionTypeKey;
  kgCo2eq: number;
  factor: Factor | null;
  /** The physical quantity behind the row (km, kWh, kg, m², EUR…). */
  quantity: number | null;
  quantityUnit: string | null;
  formula: string;
  inputs: Record<string, Scalar>;
}

export interface Labels {
  en: string;
  fr: string;
  de: string;
}

/** One submodule as data: its input schema, how it finds factors and how it computes. */
export interface SubmoduleSpec<I, P> {
  module: ModuleKey;
  key: SubmoduleKey;
  labels: Labels;
  schema: ZodType<I>;
  /** The leaves this submodule can produce. */
  emissionTypes: readonly EmissionTypeKey[];
  /** Classification keys of this submodule's factors (documentation, taxonomies, factor CSVs). */
  lookupKeys: readonly string[];
  /** Derived submodules are written by the system (embodied energy from rooms), not by people. */
  derived?: boolean;
  /** Reference lookups and derived quantities (distance, surface…) before factors are chosen. */
  prepare: (input: I, ctx: ComputeContext) => Outcome<P>;
  /** Chooses the factor(s) for the entry among the submodule's factors of the year. */
  lookup: (input: I, prepared: P, factors: readonly Factor[]) => Outcome<Factor[]>;
  compute: (input: I, prepared: P, factors: Factor[], ctx: ComputeContext) => Outcome<EmissionDraft[]>;
  /** The leaf used for an override row (no formula). */
  overrideEmissionType: (input: I) => EmissionTypeKey;
}

/** A submodule with its input type erased, as the registry and the generic engine hold it. */
export type SubmoduleDefinition = SubmoduleSpec<unknown, unknown>;

/** Keeps the spec's types while it is written; the schema guarantees the input type at run time. */
export function defineSubmodule<I, P>(spec: SubmoduleSpec<I, P>): SubmoduleDefinition {
  return spec as unknown as SubmoduleDefinition;
}

export const noPreparation = (): Outcome<undefined> => ok(undefined);
