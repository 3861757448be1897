import { describe, expect, it } from 'vitest';
import type { TokenIdentity, User } from '../../src/domain/identity/user.js';
import { createSyncUser } from '../../src/domain/identity/sync-user.js';
import { identityFromClaims } from '../../src/domain/identity/identity-from-claims.js';

function fakeUsers() {
  const calls: TokenIdentity[] = [];
  return {
    calls,
    upsertFromToken: async (identity: TokenIdentity): Promise<User> => {
      calls.push(identity);
      return { id: `id-${identity.subject}`, ...identity };
    },
  };
}

describe('recording the token user', () => {
  const paula = { subject: 'principal', email: 'principal@demo.example', displayName: 'Paula Principal', institutionalId: '100001' };

  it('when the same unchanged user calls again within a minute, then the database is not touched', async () => {
    const users = fakeUsers();
    let now = 0;
    const sync = createSyncUser({ users, clock: { now: () => now } });
    await sync(paula);
    now = 59_000;
    await sync(paula);
    expect(users.calls).toHaveLength(1);
    now = 61_000;
    await sync(paula);
    expect(users.calls).toHaveLength(2);
  });

  it('when the token brings a new name or email, then the user is written at once', async () => {
    const users = fakeUsers();
    const sync = createSyncUser({ users, clock: { now: () => 0 } });
    await sync(paula);
    const renamed = await sync({ ...paula, displayName: 'Paula P.' });
    expect(users.calls).toHaveLength(2);
    expect(renamed.displayName).toBe('Paula P.');
    const numbered = await sync({ ...paula, displayName: 'Paula P.', institutionalId: '100009' });
    expect(users.calls).toHaveLength(3);
    expect(numbered.institutionalId).toBe('100009');
  });

  it('when the token carries institutional_id (text or number), then it is the person’s institutional id; otherwise none', () => {
    expect(identityFromClaims({ sub: 's', institutional_id: ' 100002 ' }).institutionalId).toBe('100002');
    expect(identityFromClaims({ sub: 's', institutional_id: 100002 }).institutionalId).toBe('100002');
    expect(identityFromClaims({ sub: 's', institutional_id: 'x'.repeat(65) }).institutionalId).toBeNull();
    expect(identityFromClaims({ sub: 's', institutional_id: { id: 1 } }).institutionalId).toBeNull();
  });

  it('the display name falls back to preferred_username, email, then subject', () => {
    expect(identityFromClaims({ sub: 's', name: ' Ann ' })).toEqual({ subject: 's', email: null, displayName: 'Ann', institutionalId: null });
    expect(identityFromClaims({ sub: 's', preferred_username: 'ann' }).displayName).toBe('ann');
    expect(identityFromClaims({ sub: 's', email: 'a@x.org' }).displayName).toBe('a@x.org');
    expect(identityFromClaims({ sub: 's', email: 42 })).toEqual({ subject: 's', email: null, displayName: 's', institutionalId: null });
  });
});
