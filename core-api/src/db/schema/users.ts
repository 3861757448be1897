import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** People known from access tokens (`sub`). Memberships are not stored: they come from the token's roles. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  subject: text('subject').notNull().unique(),
  email: text('email'),
  displayName: text('display_name').notNull(),
  /** The person's institutional id (SCIPER at EPFL) from the token's `institutional_id` claim, when it has one. */
  institutionalId: text('institutional_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
});
