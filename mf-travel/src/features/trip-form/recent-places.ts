// Places the user picked lately, per kind, remembered in the browser (offered first in the place fields). Pure
// over a storage, so tests pass an in-memory one.
import { Location, type LocationKind } from '@co2/contracts';

export interface PlaceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const RECENT_LIMIT = 6;
const keyOf = (kind: LocationKind) => `co2.travel.recent.${kind}`;

export function readRecent(storage: PlaceStorage | undefined, kind: LocationKind): Location[] {
  try {
    const parsed = Location.array().safeParse(JSON.parse(storage?.getItem(keyOf(kind)) ?? '[]'));
    return parsed.success ? parsed.data.filter((l) => l.kind === kind).slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}

/** Puts the place first (once), keeps the last `RECENT_LIMIT`. */
export function rememberPlace(storage: PlaceStorage | undefined, place: Location): Location[] {
  const next = [place, ...readRecent(storage, place.kind).filter((l) => l.code !== place.code)].slice(0, RECENT_LIMIT);
  try {
    storage?.setItem(keyOf(place.kind), JSON.stringify(next));
  } catch {
    // storage full or disabled: recent places are a convenience
  }
  return next;
}

/** Recent places matching the typed text first, then the server's suggestions not already listed. */
export function mergeSuggestions(recent: readonly Location[], found: readonly Location[], typed: string): { recent: Location[]; found: Location[] } {
  const text = fold(typed);
  const mine = text ? recent.filter((l) => fold(`${l.code} ${l.name} ${l.municipality ?? ''}`).includes(text)) : [...recent];
  const codes = new Set(mine.map((l) => l.code));
  return { recent: mine, found: found.filter((l) => !codes.has(l.code)) };
}

export const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
