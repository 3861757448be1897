import type { ModuleKey, SubmoduleKey } from '@co2/contracts';
import type { Scalar } from '../modules/types.js';

/** A factor to create or update by its identity (submodule, year, emission type, classification). */
export interface FactorDraft {
  year: number;
  submodule: SubmoduleKey;
  emissionType: string | null;
  classification: Record<string, Scalar>;
  values: Record<string, Scalar>;
  unit: string | null;
  source: string;
}

export interface AirportDraft {
  iata: string;
  name: string;
  municipality: string | null;
  countryCode: string;
  latitude: number;
  longitude: number;
  kind: string | null;
}

export interface StationDraft {
  locationKey: string;
  name: string;
  countryCode: string;
  latitude: number;
  longitude: number;
}

export interface RoomDraft {
  buildingName: string;
  roomName: string;
  roomType: string | null;
  surfaceM2: number;
}

export interface FxRateDraft {
  year: number;
  currency: string;
  ratePerEur: number;
  source: string;
}

export interface StarterReference {
  airports: AirportDraft[];
  stations: StationDraft[];
  rooms: RoomDraft[];
  fxRates: FxRateDraft[];
}

export interface DemoEntry {
  submodule: SubmoduleKey;
  /** Token subject of the demo account recorded as author (default: the principal). */
  author?: string;
  data: Record<string, unknown>;
}

export interface DemoYear {
  year: number;
  entries: DemoEntry[];
  /** Modules validated once the entries are in. */
  validate: ModuleKey[];
}

/** Everything the demo seed writes besides the unit hierarchy. */
export interface DemoSeedData {
  years: number[];
  factors: FactorDraft[];
  reference: StarterReference;
  unit: string;
  entries: DemoYear[];
}
