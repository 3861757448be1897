// Runs the engine on accepted import rows (per row for now; the year's factors are loaded once per submodule)
// and turns them into staged rows with deterministic ids, derived entries (embodied energy ← room) included.
import type { SubmoduleKey } from '@co2/contracts';
import { createCalculateEntry } from '../../domain/entries/calculate.js';
import { createDeriveEntries } from '../../domain/entries/derive.js';
import { submoduleDefinition } from '../../domain/modules/registry.js';
import type { Factor } from '../../domain/modules/types.js';
import type { Repositories } from '../../repositories/index.js';
import type { DataRow } from '../formats/index.js';
import type { AcceptedRow } from '../validate.js';
import { stagedId, type StagedRow } from '../../repositories/import-staging.repository.js';

export interface ComputeRowsOptions {
  jobId: string;
  year: number;
  /** Unit-specific imports: the unit every row belongs to; per-year rows name theirs. */
  unitCode?: string;
}

export function createRowComputer(repos: Pick<Repositories, 'factors' | 'reference' | 'years'>, o: ComputeRowsOptions) {
  const cache = new Map<string, Promise<Factor[]>>();
  const factors = {
    forYear(year: number, submodule: SubmoduleKey) {
      const key = `${year}:${submodule}`;
      let found = cache.get(key);
      if (!found) cache.set(key, (found = repos.factors.forYear(year, submodule)));
      return found;
    },
  };
  const calculate = createCalculateEntry({ factors, reference: repos.reference, years: repos.years });
  const derive = createDeriveEntries({ calculate });

  return async (rows: readonly AcceptedRow<DataRow>[]): Promise<StagedRow[]> => {
    const staged: StagedRow[] = [];
    for (const { line, value } of rows) {
      const unitCode = value.unitInstitutionalId ?? o.unitCode;
      if (!unitCode) throw new Error(`line ${line}: no unit (per-year rows need unit_institutional_id, unit-specific imports a unitCode)`);
      const definition = submoduleDefinition(value.submodule);
      const result = await calculate(definition, value.data, o.year, value.kgCo2eqOverride);
      const id = stagedId(o.jobId, line);
      staged.push({ id, line, unitCode, submodule: value.submodule, data: value.data, note: value.note ?? null, kgOverride: value.kgCo2eqOverride ?? null, result, derivedFromId: null });
      const derived = (await derive(definition, id, value.data, result, o.year)) ?? [];
      derived.forEach((d, i) =>
        staged.push({ id: stagedId(o.jobId, line, `derived:${i}`), line, unitCode, submodule: d.submodule, data: d.data, note: null, kgOverride: null, result: d.result, derivedFromId: id }),
      );
    }
    return staged;
  };
}
