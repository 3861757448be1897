import { eq, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { users } from '../db/schema/index.js';
import type { TokenIdentity, User } from '../domain/identity/user.js';

const columns = { id: users.id, subject: users.subject, email: users.email, displayName: users.displayName, institutionalId: users.institutionalId };

export function createUserRepository(db: Database) {
  return {
    /**
     * Inserts the user or updates them when the token's email/name/institutional id changed or `last_seen_at` is older than
     * `touchAfterSeconds`; otherwise the row is not written at all.
     */
    async upsertFromToken(identity: TokenIdentity, options: { touchAfterSeconds: number }): Promise<User> {
      const [written] = await db
        .insert(users)
        .values(identity)
        .onConflictDoUpdate({
          target: users.subject,
          set: { email: identity.email, displayName: identity.displayName, institutionalId: identity.institutionalId, lastSeenAt: sql`now()` },
          setWhere: or(
            sql`${users.email} IS DISTINCT FROM excluded.email`,
            sql`${users.displayName} IS DISTINCT FROM excluded.display_name`,
            sql`${users.institutionalId} IS DISTINCT FROM excluded.institutional_id`,
            sql`${users.lastSeenAt} < now() - make_interval(secs => ${options.touchAfterSeconds})`,
          ),
        })
        .returning(columns);
      if (written) return written;
      const [existing] = await db.select(columns).from(users).where(eq(users.subject, identity.subject));
      if (!existing) throw new Error(`user ${identity.subject} vanished during upsert`);
      return existing;
    },

    async findBySubject(subject: string): Promise<(User & { lastSeenAt: Date }) | undefined> {
      const [row] = await db
        .select({ ...columns, lastSeenAt: users.lastSeenAt })
        .from(users)
        .where(eq(users.subject, subject));
      return row;
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
