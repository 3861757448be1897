import type { Database } from '../db/client.js';
import { createSeedDemoData, type SeedDemoDataResult } from '../domain/demo/seed-demo-data.js';
import { createCalculateEntry } from '../domain/entries/calculate.js';
import { createSeedDemoUnits } from '../domain/units/seed-demo-units.js';
import { createRepositories } from '../repositories/index.js';
import { loadDemoSeedData } from './load-seed-data.js';

/** `SEED_DEMO=true`: the demo units, then the demo years, factors, reference rows and the demo lab's entries. Idempotent. */
export async function seedDemo(db: Database): Promise<{ units: number } & SeedDemoDataResult> {
  const repos = createRepositories(db);
  const { units } = await createSeedDemoUnits({ units: repos.units })();
  const seedData = createSeedDemoData({
    ...repos,
    calculate: createCalculateEntry({ factors: repos.factors, reference: repos.reference, years: repos.years }),
  });
  return { units, ...(await seedData(loadDemoSeedData())) };
}
