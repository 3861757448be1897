// How trips read in the UI (pure, given the translate function).
import type { Trip, TripEnd } from '@co2/contracts';

type T = (key: string, named?: Record<string, unknown>) => string;

/** `Geneva (GVA)`, `Zürich HB (CH)`, or the entry's own words for an unknown place. */
export function placeLabel(end: TripEnd): string {
  if (!end.known) return end.name;
  if (end.code && /^[A-Z]{3}$/.test(end.code)) return `${end.municipality ?? end.name} (${end.code})`;
  return end.countryCode ? `${end.name} (${end.countryCode})` : end.name;
}

export const routeLabel = (trip: Pick<Trip, 'origin' | 'destination'>) => `${placeLabel(trip.origin)} → ${placeLabel(trip.destination)}`;

export function classLabel(t: T, cabinClass: string): string {
  return ['first', 'business', 'economy', 'second'].includes(cabinClass) ? t(`classes.${cabinClass}`) : cabinClass;
}

export function bandLabel(t: T, band: string): string {
  return ['short_to_medium_haul', 'medium_to_long_haul'].includes(band) ? t(`bands.${band}`) : band.replace(/_/g, ' ');
}

/** A traveller by institutional id: the headcount's name when known, `you` for oneself. */
export function travellerLabel(t: T, id: string, names: ReadonlyMap<string, string>, selfId: string | null): string {
  const name = names.get(id);
  const base = name ? `${name} (${id})` : id;
  return selfId !== null && id === selfId ? `${base} — ${t('trips.you')}` : base;
}
