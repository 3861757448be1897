// The trip form's state and the entry data it becomes (pure).
import type { Entry, Location, TripType } from '@co2/contracts';

export interface TripDraft {
  type: TripType;
  origin: Location | null;
  destination: Location | null;
  /** The other fields of the entry (traveller, class, date, number of trips), edited by the generated form. */
  data: Record<string, unknown>;
  note: string | null;
  roundTrip: boolean;
  /** Whether each place is the reference's (picked, or answered by the distance route) rather than the entry's words. */
  resolved: { origin: boolean; destination: boolean };
}

export function emptyDraft(type: TripType, traveller: string | null): TripDraft {
  return {
    type,
    origin: null,
    destination: null,
    data: { cabin_class: type === 'plane' ? 'economy' : 'second', number_of_trips: 1, ...(traveller ? { user_institutional_id: traveller } : {}) },
    note: null,
    roundTrip: false,
    resolved: { origin: true, destination: true },
  };
}

/** The place fields of the entry data for the picked places (plane: IATA codes; train: name, country, key). */
export function placeFields(type: TripType, origin: Location | null, destination: Location | null): Record<string, unknown> {
  if (type === 'plane') return { origin_iata: origin?.code, destination_iata: destination?.code };
  return {
    origin_name: origin?.name,
    origin_country_code: origin?.countryCode || undefined,
    origin_location_key: origin?.code || undefined,
    destination_name: destination?.name,
    destination_country_code: destination?.countryCode || undefined,
    destination_location_key: destination?.code || undefined,
  };
}

const PLACE_KEYS = ['origin_iata', 'destination_iata', 'origin_name', 'destination_name', 'origin_country_code', 'destination_country_code', 'origin_location_key', 'destination_location_key'];

/** The non-place fields of an entry's data (what the generated form edits). */
export function otherFields(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !PLACE_KEYS.includes(key)));
}

/** A place known only by the entry's words (before the reference answers): enough to show and to save. */
export function placeOfEntry(type: TripType, data: Record<string, unknown>, side: 'origin' | 'destination'): Location | null {
  const text = (k: string) => (typeof data[`${side}_${k}`] === 'string' ? (data[`${side}_${k}`] as string) : null);
  if (type === 'plane') {
    const code = text('iata');
    return code ? { kind: 'airport', code, name: code, municipality: code, countryCode: '', latitude: 0, longitude: 0 } : null;
  }
  const name = text('name');
  return name ? { kind: 'station', code: text('location_key') ?? '', name, municipality: null, countryCode: text('country_code') ?? '', latitude: 0, longitude: 0 } : null;
}

/** The form state of an existing entry (edit) or of its copy (duplicate: the same trip, to save as a new one). */
export function draftOfEntry(type: TripType, entry: Pick<Entry, 'data' | 'note'>): TripDraft {
  return { type, origin: placeOfEntry(type, entry.data, 'origin'), destination: placeOfEntry(type, entry.data, 'destination'), data: otherFields(entry.data), note: entry.note, roundTrip: false, resolved: { origin: false, destination: false } };
}
