/**
 * Reference checks that need the database, asked once per batch of rows with every key of the batch, so the
 * job handler can answer each with one set-based query (`= ANY($1)` or a join on a staging table).
 */
export type ReferenceKind = 'airport' | 'station' | 'room' | 'unit';

/** What is wrong with a key: nothing matches it, or (stations) several places match it. */
export type ReferenceProblem = 'missing' | 'ambiguous';

export interface ReferenceLookups {
  /** Returns only the keys that have a problem; keys are built with `referenceKey`. */
  check(kind: ReferenceKind, keys: readonly string[]): Promise<ReadonlyMap<string, ReferenceProblem>>;
}

const SEP = '\u0000';

/** Canonical keys: IATA upper-cased; station `name␀COUNTRY` (country may be empty = any); room `building␀room`. */
export const referenceKey = {
  airport: (iata: string) => iata.trim().toUpperCase(),
  station: (name: string, countryCode?: string) => `${name.trim().toLowerCase()}${SEP}${(countryCode ?? '').trim().toUpperCase()}`,
  room: (building: string, room: string) => `${building.trim().toLowerCase()}${SEP}${room.trim().toLowerCase()}`,
  unit: (institutionalId: string) => institutionalId.trim(),
};

/** Splits a composite key back into its parts (station: name, country; room: building, room). */
export const keyParts = (key: string) => key.split(SEP);

export interface InMemoryReference {
  airports?: readonly string[];
  stations?: readonly { name: string; countryCode: string }[];
  rooms?: readonly { building: string; room: string }[];
  units?: readonly string[];
}

/** Lookups over arrays held in memory (tests, and small reference sets). Counts calls to prove batching. */
export function inMemoryLookups(ref: InMemoryReference) {
  const airports = new Set((ref.airports ?? []).map(referenceKey.airport));
  const rooms = new Set((ref.rooms ?? []).map((r) => referenceKey.room(r.building, r.room)));
  const units = new Set((ref.units ?? []).map(referenceKey.unit));
  const stationMatches = (key: string) => {
    const [name, country] = keyParts(key);
    return (ref.stations ?? []).filter((s) => s.name.trim().toLowerCase() === name && (!country || s.countryCode.toUpperCase() === country)).length;
  };
  const calls: { kind: ReferenceKind; keys: number }[] = [];
  const lookups: ReferenceLookups = {
    async check(kind, keys) {
      calls.push({ kind, keys: keys.length });
      const problems = new Map<string, ReferenceProblem>();
      for (const key of keys) {
        if (kind === 'station') {
          const n = stationMatches(key);
          if (n !== 1) problems.set(key, n === 0 ? 'missing' : 'ambiguous');
        } else if (!(kind === 'airport' ? airports : kind === 'room' ? rooms : units).has(key)) {
          problems.set(key, 'missing');
        }
      }
      return problems;
    },
  };
  return { lookups, calls };
}
