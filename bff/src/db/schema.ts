// Tables of the BFF (schema `bff`). The session table is the one connect-pg-simple expects.
import { index, json, pgSchema, timestamp, varchar } from 'drizzle-orm/pg-core';

export const bff = pgSchema('bff');

export const session = bff.table(
  'session',
  {
    sid: varchar('sid').primaryKey(),
    sess: json('sess').notNull(),
    expire: timestamp('expire', { precision: 6 }).notNull(),
  },
  (t) => [index('session_expire_idx').on(t.expire)],
);
