// Staging of one import on its dedicated connection: ONE COPY stays open while the file streams (batches are
// written as COPY text, PostgreSQL ingests them while the next batch is parsed). Plane files take the set-based
// path (raw rows → `import_trips`, computed by SQL at apply time); every other format runs the JS engine per
// row (compute-rows.ts) and stages computed rows with their emissions.
import type pg from 'pg';
import type { Repositories } from '../../repositories/index.js';
import { ENGINE_SOURCES, type StagedSources } from '../../repositories/import-apply.repository.js';
import { createStaging, openCopy, STAGING_COPY, stagedIdPrefix, stagedIdSql, stagedRowLine } from '../../repositories/import-staging.repository.js';
import { createTripStaging, defineTripComputation, stagedTripPairs, TRIPS_COPY, tripSources } from '../../repositories/import-trips.repository.js';
import type { DataRow } from '../formats/index.js';
import type { AcceptedRow } from '../validate.js';
import { createRowComputer } from './compute-rows.js';
import { pairDistances, planePlan, tripLine } from './plane-trips.js';

export interface StagerOptions {
  jobId: string;
  year: number;
  format: string;
  /** Unit-specific imports: the unit every row belongs to; per-year rows name theirs. */
  unitCode?: string;
}

export interface Stager {
  /** `set-based` (plane trips computed in SQL) or `engine` (JS engine per row). */
  path: 'set-based' | 'engine';
  /** `onBatch` of runImport: writes the batch into the open COPY, then yields to the event loop. */
  stage(rows: readonly AcceptedRow<DataRow>[]): Promise<void>;
  /** Ends the COPY (always call it before the connection runs anything else). */
  finish(): Promise<void>;
  /** After `finish`: computes what is left set-based and returns what the apply reads. */
  sources(): Promise<StagedSources>;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const unitOf = (row: AcceptedRow<DataRow>, o: StagerOptions) => {
  const unitCode = row.value.unitInstitutionalId ?? o.unitCode;
  if (!unitCode) throw new Error(`line ${row.line}: no unit (per-year rows need unit_institutional_id, unit-specific imports a unitCode)`);
  return unitCode;
};

export async function createStager(client: pg.PoolClient, repos: Pick<Repositories, 'factors' | 'reference' | 'years'>, o: StagerOptions): Promise<Stager> {
  const plan = o.format === 'travel-planes' ? planePlan(await repos.factors.forYear(o.year, 'professional-travel/plane')) : null;
  let finished = false;
  if (plan) {
    await createTripStaging(client);
    const copy = openCopy(client, TRIPS_COPY);
    return {
      path: 'set-based',
      async stage(rows) {
        let text = '';
        for (const row of rows) text += tripLine(row, unitOf(row, o));
        await copy.write(text);
        await yieldToEventLoop();
      },
      async finish() {
        if (!finished) await copy.finish();
        finished = true;
      },
      async sources() {
        const pairs = await pairDistances(await stagedTripPairs(client), plan.bands);
        await defineTripComputation(client, { pairs, factors: plan.factors, leaves: plan.leaves });
        return tripSources(stagedIdPrefix(o.jobId), stagedIdSql);
      },
    };
  }
  await createStaging(client);
  const copy = openCopy(client, STAGING_COPY);
  const compute = createRowComputer(repos, o);
  return {
    path: 'engine',
    async stage(rows) {
      let text = '';
      for (const r of await compute(rows)) text += stagedRowLine(r);
      await copy.write(text);
      await yieldToEventLoop();
    },
    async finish() {
      if (!finished) await copy.finish();
      finished = true;
    },
    sources: async () => ENGINE_SOURCES,
  };
}
