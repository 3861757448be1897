// The engine path of the recalculation: entries the SQL cannot decide are recomputed by `computeEntry`, in
// batches (one reference snapshot per batch, the year's factors and configuration once), inside the caller's
// transaction. Recomputed rooms re-derive their embodied-energy entry (a changed surface changes it too), which is
// then recomputed as well.
import type { SubmoduleKey } from '@co2/contracts';
import type pg from 'pg';
import type { JobContext } from '../jobs/registry.js';
import { embodiedEnergyData } from '../domain/entries/derive.js';
import { computeEntry, type EntryResult } from '../domain/modules/engine.js';
import { referenceNeeds, type ReferenceNeeds } from '../domain/modules/reference-needs.js';
import { submoduleDefinition } from '../domain/modules/registry.js';
import { DEFAULT_SETTINGS } from '../domain/modules/types.js';
import type { Repositories } from '../repositories/index.js';
import { loadEntries, rederiveFromRooms, writeEngineResults, type EngineEntry } from '../repositories/recalculation.repository.js';

function mergeNeeds(submodule: SubmoduleKey, rows: readonly EngineEntry[]): ReferenceNeeds {
  const airports = new Set<string>();
  const stations = new Set<string>();
  const rooms = new Map<string, ReferenceNeeds['rooms'][number]>();
  for (const row of rows) {
    const n = referenceNeeds(submodule, row.data);
    n.airports.forEach((a) => airports.add(a));
    n.stations.forEach((s) => stations.add(s));
    n.rooms.forEach((r) => rooms.set(`${r.buildingName}\u0000${r.roomName}`, r));
  }
  return { airports: [...airports], stations: [...stations], rooms: [...rooms.values()] };
}

export async function recomputeWithEngine(
  client: pg.ClientBase,
  repos: Pick<Repositories, 'factors' | 'reference' | 'years'>,
  o: { submodule: SubmoduleKey; year: number; ids: readonly string[]; batchSize?: number },
  ctx: Pick<JobContext, 'signal' | 'progress'>,
): Promise<{ entries: number; notComputed: number }> {
  if (o.ids.length === 0) return { entries: 0, notComputed: 0 };
  const definition = submoduleDefinition(o.submodule);
  const [factors, yearConfig] = await Promise.all([repos.factors.forYear(o.year, o.submodule), repos.years.get(o.year)]);
  const settings = { ...DEFAULT_SETTINGS, ...(yearConfig?.config.workingDaysPerYear ? { workingDaysPerYear: yearConfig.config.workingDaysPerYear } : {}) };
  const lookup = { factorsFor: (s: SubmoduleKey) => (s === o.submodule ? factors : []) };
  const batchSize = o.batchSize ?? 2000;
  let notComputed = 0;
  const rooms: { id: string; derived: Record<string, unknown> | null }[] = [];
  for (let i = 0; i < o.ids.length; i += batchSize) {
    if (ctx.signal.aborted) throw new Error('the recalculation was aborted');
    const rows = await loadEntries(client, o.ids.slice(i, i + batchSize));
    const reference = await repos.reference.snapshot(mergeNeeds(o.submodule, rows), o.year);
    const results: { id: string; result: EntryResult }[] = rows.map((row) => ({
      id: row.id,
      result: computeEntry(definition, row.data, lookup, { year: o.year, reference, settings }),
    }));
    notComputed += results.filter((r) => r.result.status === 'not_computed').length;
    await writeEngineResults(client, results);
    if (o.submodule === 'buildings/rooms') rooms.push(...results.map((r, k) => ({ id: r.id, derived: embodiedEnergyData(r.id, rows[k]!.data, r.result) })));
    ctx.progress({ phase: 'recalculating', step: 'engine', processed: Math.min(i + batchSize, o.ids.length), total: o.ids.length });
  }
  const derived = await rederiveFromRooms(client, rooms);
  const more = derived.length > 0 ? await recomputeWithEngine(client, repos, { ...o, submodule: 'buildings/embodied-energy', ids: derived }, ctx) : { entries: 0, notComputed: 0 };
  return { entries: o.ids.length + more.entries, notComputed: notComputed + more.notComputed };
}
