import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeedDemoUnits } from '../../src/domain/units/seed-demo-units.js';
import { createRepositories, type Repositories } from '../../src/repositories/index.js';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.js';

describe('units on PostgreSQL', () => {
  let database: MigratedDatabase;
  let repos: Repositories;

  beforeAll(async () => {
    database = await createMigratedDatabase('core_api_units');
    repos = createRepositories(database.db);
    await createSeedDemoUnits({ units: repos.units })();
  });
  afterAll(async () => {
    await database.dispose();
  });

  const snapshot = async () =>
    (await database.pool.query('SELECT id, code, name, name_fr, name_de, level, parent_id, path, updated_at, xmin::text FROM units ORDER BY code')).rows;

  it('when the demo seed runs again, then no row is added or rewritten', async () => {
    const before = await snapshot();
    expect(before).toHaveLength(11);
    await expect(createSeedDemoUnits({ units: repos.units })()).resolves.toEqual({ units: 11 });
    expect(await snapshot()).toEqual(before);
  });

  it('the seeded tree links parents by id and stores EN/FR/DE names', async () => {
    const { rows } = await database.pool.query(
      `SELECT c.code, p.code AS parent, c.name, c.name_fr, c.name_de FROM units c LEFT JOIN units p ON p.id = c.parent_id WHERE c.code = 'LAB-CARBON'`,
    );
    expect(rows).toEqual([
      { code: 'LAB-CARBON', parent: 'ENV-CLIM', name: 'Carbon Cycle Laboratory', name_fr: 'Laboratoire du cycle du carbone', name_de: 'Labor für Kohlenstoffkreislauf' },
    ]);
  });

  it('when listing the subtree of a faculty, then the faculty and everything below it are returned in path order', async () => {
    const units = await repos.units.list({ kind: 'some', codes: [], subtreeRoots: ['ENV'] });
    expect(units.map((u) => u.code)).toEqual(['ENV', 'ENV-CLIM', 'LAB-CARBON', 'LAB-ICE', 'ENV-ECO', 'LAB-SOIL']);
    expect(units.find((u) => u.code === 'LAB-ICE')).toMatchObject({ level: 4, parentCode: 'ENV-CLIM', path: ['UNIV', 'ENV', 'ENV-CLIM', 'LAB-ICE'] });
  });

  it('combines single units with subtrees and filters by level', async () => {
    const labs = await repos.units.list({ kind: 'some', codes: ['SCI'], subtreeRoots: ['ENV-CLIM'] }, { level: 4 });
    expect(labs.map((u) => u.code)).toEqual(['LAB-CARBON', 'LAB-ICE']);
    const mixed = await repos.units.list({ kind: 'some', codes: ['SCI'], subtreeRoots: ['ENV-ECO'] });
    expect(mixed.map((u) => u.code)).toEqual(['ENV-ECO', 'LAB-SOIL', 'SCI']);
    expect(await repos.units.list({ kind: 'some', codes: [], subtreeRoots: [] })).toEqual([]);
    expect(await repos.units.list({ kind: 'all' })).toHaveLength(11);
  });

  it('when a unit is deactivated, then it is left out unless asked for', async () => {
    await database.pool.query(`UPDATE units SET active = false WHERE code = 'LAB-SPECTRO'`);
    const scope = { kind: 'some' as const, codes: [], subtreeRoots: ['SCI-CHEM'] };
    expect((await repos.units.list(scope)).map((u) => u.code)).toEqual(['SCI-CHEM', 'LAB-CATAL']);
    expect((await repos.units.list(scope, { includeInactive: true })).map((u) => u.code)).toContain('LAB-SPECTRO');
    await database.pool.query(`UPDATE units SET active = true WHERE code = 'LAB-SPECTRO'`);
  });

  it('the database refuses a level that does not match the path', async () => {
    await expect(
      database.pool.query(`INSERT INTO units (code, name, name_fr, level, path) VALUES ('BAD', 'Bad', 'Mauvais', 2, ARRAY['BAD'])`),
    ).rejects.toThrow(/units_path_depth|units_root_has_no_parent/);
  });

  it('the subtree query uses the GIN index on path', async () => {
    const client = await database.pool.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const { rows } = await client.query(`EXPLAIN SELECT * FROM units WHERE path && ARRAY['ENV']::text[]`);
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('units_path_gin');
    } finally {
      client.release(true);
    }
  });
});
