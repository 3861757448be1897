// Runs the engine on accepted import rows and turns them into staged rows with deterministic ids, derived
// entries (embodied energy ← room) included. Database reads are set-based: the year's factors once per
// submodule, the year's configuration once per job, and ONE reference snapshot per batch (the union of the
// batch's airports, stations and rooms) — the engine itself then runs per row, in memory.
import type { SubmoduleKey } from '@co2/contracts';
import type { CalculateEntry } from '../../domain/entries/calculate.js';
import { createDeriveEntries } from '../../domain/entries/derive.js';
import { computeEntry } from '../../domain/modules/engine.js';
import { referenceNeeds, type ReferenceNeeds } from '../../domain/modules/reference-needs.js';
import { submoduleDefinition } from '../../domain/modules/registry.js';
import { DEFAULT_SETTINGS, type ComputeSettings, type Factor } from '../../domain/modules/types.js';
import { stagedId, stagedIdPrefix, type StagedRow } from '../../repositories/import-staging.repository.js';
import type { Repositories } from '../../repositories/index.js';
import type { DataRow } from '../formats/index.js';
import type { AcceptedRow } from '../validate.js';

export interface ComputeRowsOptions {
  jobId: string;
  year: number;
  /** Unit-specific imports: the unit every row belongs to; per-year rows name theirs. */
  unitCode?: string;
}

function mergeNeeds(rows: readonly AcceptedRow<DataRow>[]): ReferenceNeeds {
  const airports = new Set<string>();
  const stations = new Set<string>();
  const rooms = new Map<string, ReferenceNeeds['rooms'][number]>();
  for (const { value } of rows) {
    const n = referenceNeeds(value.submodule, value.data);
    n.airports.forEach((a) => airports.add(a));
    n.stations.forEach((s) => stations.add(s));
    n.rooms.forEach((r) => rooms.set(`${r.buildingName}\u0000${r.roomName}`, r));
  }
  return { airports: [...airports], stations: [...stations], rooms: [...rooms.values()] };
}

export function createRowComputer(repos: Pick<Repositories, 'factors' | 'reference' | 'years'>, o: ComputeRowsOptions) {
  const prefix = stagedIdPrefix(o.jobId);
  const factorCache = new Map<SubmoduleKey, Factor[]>();
  const factorsFor = async (submodule: SubmoduleKey) => {
    let found = factorCache.get(submodule);
    if (!found) factorCache.set(submodule, (found = await repos.factors.forYear(o.year, submodule)));
    return found;
  };
  let settings: Promise<ComputeSettings> | undefined;
  const loadSettings = () =>
    (settings ??= repos.years.get(o.year).then((c) => ({ ...DEFAULT_SETTINGS, ...(c?.config.workingDaysPerYear ? { workingDaysPerYear: c.config.workingDaysPerYear } : {}) })));

  return async (rows: readonly AcceptedRow<DataRow>[]): Promise<StagedRow[]> => {
    const [reference, computeSettings] = await Promise.all([repos.reference.snapshot(mergeNeeds(rows), o.year), loadSettings()]);
    // The engine for this batch: every reference row a row of the batch may need is in `reference`.
    const calculate: CalculateEntry = async (definition, data, year, override) => {
      const factors = await factorsFor(definition.key);
      const lookup = { factorsFor: (submodule: SubmoduleKey) => (submodule === definition.key ? factors : []) };
      return computeEntry(definition, data, lookup, { year, reference, settings: computeSettings, override });
    };
    const derive = createDeriveEntries({ calculate });
    const staged: StagedRow[] = [];
    for (const { line, value } of rows) {
      const unitCode = value.unitInstitutionalId ?? o.unitCode;
      if (!unitCode) throw new Error(`line ${line}: no unit (per-year rows need unit_institutional_id, unit-specific imports a unitCode)`);
      const definition = submoduleDefinition(value.submodule);
      const result = await calculate(definition, value.data, o.year, value.kgCo2eqOverride);
      const id = stagedId(o.jobId, line, 0, prefix);
      staged.push({ id, line, unitCode, submodule: value.submodule, data: value.data, note: value.note ?? null, kgOverride: value.kgCo2eqOverride ?? null, result, derivedFromId: null });
      const derived = (await derive(definition, id, value.data, result, o.year)) ?? [];
      derived.forEach((d, i) =>
        staged.push({ id: stagedId(o.jobId, line, i + 1, prefix), line, unitCode, submodule: d.submodule, data: d.data, note: null, kgOverride: null, result: d.result, derivedFromId: id }),
      );
    }
    return staged;
  };
}
