// ReferenceLookups on PostgreSQL: missing and ambiguous keys per kind, one query per check whatever the batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgLookups } from '../../../src/imports/db/pg-lookups.js';
import { referenceKey } from '../../../src/imports/lookups.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.js';
import { seedImportFixtures } from './import-fixtures.js';

let db: MigratedDatabase;
beforeAll(async () => {
  db = await createMigratedDatabase('core_import_lookups');
  await seedImportFixtures(db.pool);
  await db.pool.query(`INSERT INTO train_stations (location_key, name, country_code, latitude, longitude, search) VALUES
    ('ch-lausanne', 'Lausanne', 'CH', 46.5167, 6.6292, 'lausanne'),
    ('ch-basel', 'Basel SBB', 'CH', 47.5476, 7.5897, 'basel sbb'),
    ('fr-saint-louis', 'Saint-Louis', 'FR', 47.5901, 7.5554, 'saint-louis'),
    ('sn-saint-louis', 'Saint-Louis', 'SN', 16.0179, -16.4896, 'saint-louis')`);
  await db.pool.query(`INSERT INTO building_rooms (building_name, room_name, surface_m2) VALUES ('CM', '1 120', 42), ('BC', '410', 18)`);
});
afterAll(async () => db?.dispose());

describe('createPgLookups', () => {
  it('airports: only unknown IATA codes come back, in one query', async () => {
    const lookups = createPgLookups(db.pool);
    const problems = await lookups.check('airport', ['GVA', 'CDG', 'ZZZ', 'XXX']);
    expect([...problems]).toEqual([['ZZZ', 'missing'], ['XXX', 'missing']]);
    expect(lookups.queries()).toBe(1);
  });

  it('units: institutional ids are unit codes', async () => {
    const problems = await createPgLookups(db.pool).check('unit', [referenceKey.unit('10208'), referenceKey.unit(' 10300 '), '99999']);
    expect([...problems]).toEqual([['99999', 'missing']]);
  });

  it('stations: a name in two countries is ambiguous without a country, found with it; unknown is missing', async () => {
    const keys = [
      referenceKey.station('lausanne'),
      referenceKey.station('Saint-Louis'),
      referenceKey.station('Saint-Louis', 'fr'),
      referenceKey.station('Basel SBB', 'DE'),
      referenceKey.station('Nowhere'),
    ];
    const lookups = createPgLookups(db.pool);
    const problems = await lookups.check('station', keys);
    expect(Object.fromEntries(problems)).toEqual({ [keys[1]!]: 'ambiguous', [keys[3]!]: 'missing', [keys[4]!]: 'missing' });
    expect(lookups.queries()).toBe(1);
  });

  it('rooms: building and room match case-insensitively', async () => {
    const keys = [referenceKey.room('cm', '1 120'), referenceKey.room('BC', '410'), referenceKey.room('CM', '999')];
    const problems = await createPgLookups(db.pool).check('room', keys);
    expect([...problems]).toEqual([[keys[2], 'missing']]);
  });

  it('a batch of 5,000 keys is still one query', async () => {
    const lookups = createPgLookups(db.pool);
    const keys = Array.from({ length: 5000 }, (_, i) => `A${String(i).padStart(4, '0')}`);
    const problems = await lookups.check('airport', [...keys, 'GVA']);
    expect(problems.size).toBe(5000);
    expect(lookups.queries()).toBe(1);
    expect(await lookups.check('airport', [])).toEqual(new Map());
    expect(lookups.queries()).toBe(1);
  });
});
