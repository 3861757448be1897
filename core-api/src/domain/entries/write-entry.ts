import type { CreateEntryBody, EntriesPathParams, EntryPathParams, RoundTripPathParams, UpdateEntryBody } from '@co2/contracts';
import { randomUUID } from 'node:crypto';
import { errors } from '../../errors/index.js';
import type { Principal } from '../identity/principal.js';
import type { AssertYearOpen } from '../years/year-use-cases.js';
import { validateEntryData, type CalculateEntry } from './calculate.js';
import type { DeriveEntries } from './derive.js';
import type { EntryWrite, ReportModuleKey, StoredEntry } from './entry.js';
import { findVisibleEntry, type EntryReader } from './get-entry.js';
import type { ResolveWorkspace, Workspace } from './workspace.js';

export interface EntryWriter extends EntryReader {
  create(where: ReportModuleKey, write: EntryWrite): Promise<StoredEntry>;
  createMany(where: ReportModuleKey, writes: readonly EntryWrite[]): Promise<StoredEntry[]>;
  update(where: ReportModuleKey, id: string, write: EntryWrite): Promise<StoredEntry>;
  delete(where: ReportModuleKey, id: string, actor: EntryWrite['actor'] & { unitCode: string }): Promise<void>;
}

export interface WriteEntryDeps {
  resolveWorkspace: ResolveWorkspace;
  calculate: CalculateEntry;
  derive: DeriveEntries;
  entries: EntryWriter;
  assertYearOpen: AssertYearOpen;
}

const actorOf = (principal: Principal) => ({ id: principal.user.id, subject: principal.user.subject });
const whereOf = (ws: Workspace, year: number): ReportModuleKey => ({ unitId: ws.unit.id, year, module: ws.definition.module });

/** Derived submodules are written by the system only; entries of a year closed to users are frozen (422). */
async function assertWritable(deps: Pick<WriteEntryDeps, 'assertYearOpen'>, ws: Workspace, year: number) {
  if (ws.definition.derived) throw errors.forbidden(`${ws.submodule} entries are derived by the system`);
  await deps.assertYearOpen(year, { module: ws.definition.module, submodule: ws.submodule.split('/')[1] ?? '' });
}

/**
 * Create: resolve the workspace → validate the data with the submodule's schema → compute the emissions → derive
 * what follows from it (a room's embodied energy) → store entry, derived entries, emissions, module totals (back to
 * in progress) and the audit record in one transaction.
 */
export function createCreateEntry(deps: WriteEntryDeps) {
  return async (principal: Principal, path: EntriesPathParams, body: CreateEntryBody): Promise<StoredEntry> => {
    const ws = await deps.resolveWorkspace(principal, path);
    await assertWritable(deps, ws, path.year);
    const data = validateEntryData(ws.definition, body.data);
    const result = await deps.calculate(ws.definition, data, path.year);
    const id = randomUUID();
    const derived = await deps.derive(ws.definition, id, data, result, path.year);
    const write: EntryWrite = { id, submodule: ws.submodule, data, note: body.note ?? null, source: 'manual', result, actor: actorOf(principal), unitCode: ws.unit.code, derived };
    return deps.entries.create(whereOf(ws, path.year), write);
  };
}

/** Update: the same steps on an existing entry the caller may see; its data is replaced, then recomputed. */
export function createUpdateEntry(deps: WriteEntryDeps) {
  return async (principal: Principal, path: EntryPathParams, body: UpdateEntryBody): Promise<StoredEntry> => {
    const ws = await deps.resolveWorkspace(principal, path);
    await assertWritable(deps, ws, path.year);
    const current = await findVisibleEntry(deps.entries, principal, ws, path);
    if (current.source === 'external_integration') throw errors.forbidden('entries imported from the travel agency are read-only');
    const data = body.data === undefined ? current.data : validateEntryData(ws.definition, body.data);
    const result = await deps.calculate(ws.definition, data, path.year);
    const note = body.note === undefined ? current.note : body.note;
    const derived = await deps.derive(ws.definition, path.id, data, result, path.year);
    const write: EntryWrite = { submodule: ws.submodule, data, note, source: current.source, result, actor: actorOf(principal), unitCode: ws.unit.code, derived };
    return deps.entries.update(whereOf(ws, path.year), path.id, write);
  };
}

/** Delete: an entry the caller may see (and what is derived from it); the module totals are recomputed. */
export function createDeleteEntry(deps: Omit<WriteEntryDeps, 'calculate' | 'derive'>) {
  return async (principal: Principal, path: EntryPathParams): Promise<{ id: string; deleted: true }> => {
    const ws = await deps.resolveWorkspace(principal, path);
    await assertWritable(deps, ws, path.year);
    const current = await findVisibleEntry(deps.entries, principal, ws, path);
    if (current.source === 'external_integration') throw errors.forbidden('entries imported from the travel agency are read-only');
    await deps.entries.delete(whereOf(ws, path.year), path.id, { ...actorOf(principal), unitCode: ws.unit.code });
    return { id: path.id, deleted: true };
  };
}

/** The return leg of a trip: origin and destination fields swapped (plane: IATA codes; train: names, countries, keys). */
export function returnLeg(data: Record<string, unknown>): Record<string, unknown> {
  const out = { ...data };
  for (const field of ['iata', 'name', 'country_code', 'location_key']) {
    const [from, to] = [`origin_${field}`, `destination_${field}`];
    if (from in data || to in data) {
      out[from] = data[to];
      out[to] = data[from];
      if (out[from] === undefined) delete out[from];
      if (out[to] === undefined) delete out[to];
    }
  }
  return out;
}

/** Round trip: the same steps as a create, for the trip and its return leg, stored together in one transaction. */
export function createCreateRoundTrip(deps: WriteEntryDeps) {
  return async (principal: Principal, path: RoundTripPathParams, body: CreateEntryBody): Promise<{ outbound: StoredEntry; return: StoredEntry }> => {
    const ws = await deps.resolveWorkspace(principal, { unit: path.unit, module: 'professional-travel', submodule: path.submodule });
    await assertWritable(deps, ws, path.year);
    const legs = [validateEntryData(ws.definition, body.data)];
    legs.push(validateEntryData(ws.definition, returnLeg(legs[0] as Record<string, unknown>)));
    const writes: EntryWrite[] = [];
    for (const data of legs) {
      const result = await deps.calculate(ws.definition, data, path.year);
      writes.push({ submodule: ws.submodule, data, note: body.note ?? null, source: 'manual', result, actor: actorOf(principal), unitCode: ws.unit.code });
    }
    const [outbound, back] = await deps.entries.createMany(whereOf(ws, path.year), writes);
    if (!outbound || !back) throw new Error('round trip not stored');
    return { outbound, return: back };
  };
}
