import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserRepository, type UserRepository } from '../../src/repositories/user.repository.js';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.js';

describe('users on PostgreSQL', () => {
  let database: MigratedDatabase;
  let users: UserRepository;
  const paula = { subject: 'principal', email: 'principal@demo.example', displayName: 'Paula Principal', institutionalId: '100001' };
  const rowVersion = async () =>
    (await database.pool.query<{ xmin: string; last_seen_at: Date }>(`SELECT xmin::text, last_seen_at FROM users WHERE subject = 'principal'`)).rows[0];

  beforeAll(async () => {
    database = await createMigratedDatabase('core_api_users');
    users = createUserRepository(database.db);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('when a token user is seen first, then a user is created', async () => {
    const user = await users.upsertFromToken(paula, { touchAfterSeconds: 60 });
    expect(user).toMatchObject(paula);
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when the same user is seen again within the interval, then the row is not rewritten', async () => {
    const before = await rowVersion();
    const again = await users.upsertFromToken(paula, { touchAfterSeconds: 60 });
    expect(again).toMatchObject(paula);
    expect(await rowVersion()).toEqual(before);
  });

  it('when the email changes, then the row is updated and last_seen_at moves', async () => {
    const before = await rowVersion();
    const changed = await users.upsertFromToken({ ...paula, email: 'paula@demo.example' }, { touchAfterSeconds: 60 });
    expect(changed.email).toBe('paula@demo.example');
    const after = await rowVersion();
    expect(after?.xmin).not.toBe(before?.xmin);
  });

  it('when the institutional id changes, then the row is updated', async () => {
    const changed = await users.upsertFromToken({ ...paula, email: 'paula@demo.example', institutionalId: '100009' }, { touchAfterSeconds: 60 });
    expect(changed.institutionalId).toBe('100009');
    const { rows } = await database.pool.query(`SELECT institutional_id FROM users WHERE subject = 'principal'`);
    expect(rows).toEqual([{ institutional_id: '100009' }]);
  });

  it('when last_seen_at is older than the interval, then it is refreshed', async () => {
    await database.pool.query(`UPDATE users SET last_seen_at = now() - interval '2 minutes' WHERE subject = 'principal'`);
    const stale = await rowVersion();
    await users.upsertFromToken({ ...paula, email: 'paula@demo.example' }, { touchAfterSeconds: 60 });
    expect((await rowVersion())!.last_seen_at.getTime()).toBeGreaterThan(stale!.last_seen_at.getTime());
  });
});
