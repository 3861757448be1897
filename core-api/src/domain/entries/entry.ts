import type { Entry, EntryList, ListEntriesQuery, ModuleKey, SubmoduleKey } from '@co2/contracts';
import type { EntryResult } from '../modules/engine.js';
import type { DerivedWrite } from './derive.js';

/** An entry as stored, with its emissions (the API shape plus its author). */
export type StoredEntry = Entry & { authorId: string | null };
export type EntryPage = Omit<EntryList, 'items'> & { items: StoredEntry[] };

/** Where an entry lives: a unit's report of a year, one module. */
export interface ReportModuleKey {
  unitId: string;
  year: number;
  module: ModuleKey;
}

export interface EntryListFilter extends ListEntriesQuery {
  submodule: SubmoduleKey;
  /** Only entries written by this user (standard users' own trips). */
  authorId?: string;
}

/** Everything written for one create or update, in one transaction with the totals and the audit record. */
export interface EntryWrite {
  /** Given by the use case on create (derived entries refer to it); the database generates one otherwise. */
  id?: string;
  submodule: SubmoduleKey;
  data: Record<string, unknown>;
  note: string | null;
  source: StoredEntry['source'];
  result: EntryResult;
  actor: { id: string; subject: string };
  unitCode: string;
  /** Entries derived from this one, replacing the previous ones; `undefined` leaves them alone. */
  derived?: DerivedWrite[];
}
