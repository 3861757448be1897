// The unit hierarchy through the reference-import job on real PostgreSQL: parents anywhere in the file or in the
// database, unknown parents and cycles rejected by line, moves carry the units below them, nothing is deleted.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { referenceImportJob, type ReferenceImportResult } from '../../../src/imports/jobs/reference-import.job.js';
import type { ReferenceImportPayload } from '../../../src/imports/reference/index.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.js';
import { csvFile, jobContext } from './import-fixtures.js';

let db: MigratedDatabase;
let run: (payload: Partial<ReferenceImportPayload> & { path: string }) => Promise<ReferenceImportResult>;
beforeAll(async () => {
  db = await createMigratedDatabase('core_reference_units');
  const job = referenceImportJob({ db: db.db, pool: db.pool, batchSize: 2 });
  run = async (payload) => (await job.handler(job.payload.parse({ kind: 'units', ...payload }), jobContext().ctx)) as ReferenceImportResult;
});
afterAll(async () => db?.dispose());
beforeEach(async () => {
  await db.pool.query('TRUNCATE carbon_reports, data_ingestion_jobs CASCADE');
  await db.pool.query('DELETE FROM units WHERE level = 4; DELETE FROM units WHERE level = 3; DELETE FROM units WHERE level = 2; DELETE FROM units');
});

const HEADER = 'code,name,parent_code,name_fr,level';
/** A university, two faculties, an institute and two labs — children before their parents. */
const TREE = [HEADER, 'LAB-A,Lab A,INST,,4', 'LAB-B,Lab B,INST,,', 'INST,Institute,ENAC,Institut,3', 'ENAC,ENAC,EPFL,,', 'SB,SB,EPFL,,2', 'EPFL,EPFL,,,1'];

const tree = async () =>
  (
    await db.pool.query<{ code: string; level: number; path: string[]; parent: string | null; name_fr: string }>(
      'SELECT u.code, u.level, u.path, p.code AS parent, u.name_fr FROM units u LEFT JOIN units p ON p.id = u.parent_id ORDER BY u.code',
    )
  ).rows;

describe('units', () => {
  it('when children come before their parents, then the whole tree is inserted with levels and paths; a re-run changes nothing', async () => {
    const path = await csvFile(TREE);
    const first = await run({ path });
    expect(first.report.status).toBe('success');
    expect(first.applied).toMatchObject({ inserted: 6, updated: 0, unchanged: 0, relinked: 0 });
    expect(await tree()).toEqual([
      { code: 'ENAC', level: 2, path: ['EPFL', 'ENAC'], parent: 'EPFL', name_fr: 'ENAC' },
      { code: 'EPFL', level: 1, path: ['EPFL'], parent: null, name_fr: 'EPFL' },
      { code: 'INST', level: 3, path: ['EPFL', 'ENAC', 'INST'], parent: 'ENAC', name_fr: 'Institut' },
      { code: 'LAB-A', level: 4, path: ['EPFL', 'ENAC', 'INST', 'LAB-A'], parent: 'INST', name_fr: 'Lab A' },
      { code: 'LAB-B', level: 4, path: ['EPFL', 'ENAC', 'INST', 'LAB-B'], parent: 'INST', name_fr: 'Lab B' },
      { code: 'SB', level: 2, path: ['EPFL', 'SB'], parent: 'EPFL', name_fr: 'SB' },
    ]);
    expect((await run({ path })).applied).toMatchObject({ inserted: 0, updated: 0, unchanged: 6 });
  });

  it('when a unit is deactivated, then a later file without the active flag keeps it inactive', async () => {
    await run({ path: await csvFile(TREE) });
    expect((await run({ path: await csvFile(['code,name,parent_code,active', 'SB,SB,EPFL,no']) })).applied).toMatchObject({ updated: 1 });
    expect((await run({ path: await csvFile(TREE) })).applied).toMatchObject({ updated: 0, unchanged: 6 });
    const { rows } = await db.pool.query<{ code: string }>('SELECT code FROM units WHERE NOT active');
    expect(rows).toEqual([{ code: 'SB' }]);
  });

  it('when a parent is unknown or rows form a cycle, then those rows are rejected by line and the rest is applied', async () => {
    const result = await run({
      path: await csvFile([HEADER, 'EPFL,EPFL,,,', 'ORPHAN,Orphan,GHOST,,', 'A,A,C,,', 'B,B,A,,', 'C,C,B,,', 'SB,SB,EPFL,,', 'LAB,Lab,A,,']),
    });
    expect(result.report.status).toBe('warning');
    expect(result.report.rejected.map((r) => [r.line, r.issues[0]?.message])).toEqual([
      [3, 'unknown parent unit "GHOST" (neither in the file nor in the database)'],
      [4, expect.stringContaining('forms a cycle')],
      [5, expect.stringContaining('forms a cycle')],
      [6, expect.stringContaining('forms a cycle')],
      [8, 'parent unit "A" is rejected (line 4)'],
    ]);
    expect(result.report.rows).toMatchObject({ accepted: 2, rejected: 5 });
    expect(result.applied).toMatchObject({ inserted: 2 });
    expect((await tree()).map((u) => u.code)).toEqual(['EPFL', 'SB']);
  });

  it('when a unit moves, then the units below it that are not in the file follow, and units missing from the file stay', async () => {
    await run({ path: await csvFile(TREE) });
    // A report references LAB-A: units are never deleted, whatever the file says.
    await db.pool.query(`INSERT INTO carbon_reports (unit_id, year) SELECT id, 2025 FROM units WHERE code = 'LAB-A'`);
    const moved = await run({ path: await csvFile([HEADER, 'INST,Institute,SB,Institut,']) });
    expect(moved.applied).toMatchObject({ inserted: 0, updated: 1, unchanged: 0, relinked: 2 });
    const units = await tree();
    expect(units.map((u) => [u.code, u.path.join('/')])).toEqual([
      ['ENAC', 'EPFL/ENAC'],
      ['EPFL', 'EPFL'],
      ['INST', 'EPFL/SB/INST'],
      ['LAB-A', 'EPFL/SB/INST/LAB-A'],
      ['LAB-B', 'EPFL/SB/INST/LAB-B'],
      ['SB', 'EPFL/SB'],
    ]);
  });

  it('when a move would create a cycle through the database or push a lab below level 4, then it is refused and nothing changes', async () => {
    await run({ path: await csvFile(TREE) });
    const before = await tree();
    const cycle = await run({ path: await csvFile([HEADER, 'ENAC,ENAC,INST,,']) });
    expect(cycle.report.status).toBe('error');
    expect(cycle.report.rejected[0]).toMatchObject({ line: 2, issues: [{ column: 'parent_code', message: expect.stringContaining('forms a cycle') }] });
    const deep = await run({ path: await csvFile([HEADER, 'NEW,New,SB,,', 'INST,Institute,NEW,,']) });
    expect(deep.report.rejected.map((r) => [r.line, r.issues[0]?.message])).toEqual([
      [3, expect.stringMatching(/^would put unit "LAB-[AB]" \(not in the file\) at level 5/)],
    ]);
    expect(deep.applied).toMatchObject({ inserted: 1, updated: 0, relinked: 0 });
    expect((await tree()).filter((u) => u.code !== 'NEW')).toEqual(before);
  });

  it('when dryRun is set, then the tree is checked and reported and nothing is written', async () => {
    const result = await run({ path: await csvFile([...TREE, 'X,X,NOPE,,']), dryRun: true });
    expect(result).toMatchObject({ dryRun: true, applied: null, report: { status: 'warning', rows: { accepted: 6, rejected: 1 }, accepted: { units: 6 } } });
    expect(result.report.rejected).toEqual([{ line: 8, issues: [{ column: 'parent_code', message: 'unknown parent unit "NOPE" (neither in the file nor in the database)' }] }]);
    expect(await tree()).toEqual([]);
  });
});
