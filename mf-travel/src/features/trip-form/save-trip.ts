// Saving the trip form: an edit replaces the entry, a new trip is one entry, a round trip two (one request).
import type { Entry, TripType } from '@co2/contracts';
import type { ApiClient } from '@co2/shell-sdk';
import { travelApi } from '../trips/travel-api.js';

export interface SavedTrip {
  entries: Entry[];
  kgCo2eq: number;
}

export interface SaveTarget {
  unit: string;
  year: number;
  type: TripType;
  /** The entry edited, or null for a new trip. */
  id: string | null;
  roundTrip: boolean;
}

export async function saveTrip(api: ApiClient, target: SaveTarget, data: Record<string, unknown>, note: string | null): Promise<SavedTrip> {
  const { unit, year, type, id } = target;
  const body = { data, ...(note ? { note } : {}) };
  let entries: Entry[];
  if (id) entries = [await travelApi.update(api, unit, year, type, id, { data, note })];
  else if (target.roundTrip) {
    const both = await travelApi.createRoundTrip(api, unit, year, type, body);
    entries = [both.outbound, both.return];
  } else entries = [await travelApi.create(api, unit, year, type, body)];
  return { entries, kgCo2eq: entries.reduce((sum, e) => sum + e.totalKgCo2eq, 0) };
}
