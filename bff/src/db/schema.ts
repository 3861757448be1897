// Tables of the BFF (schema `bff`): server-side sessions and the replay guard of back-channel logout tokens.
import { index, json, pgSchema, timestamp, varchar } from 'drizzle-orm/pg-core';

export const bff = pgSchema('bff');

/**
 * One row per browser session. `sid` is HMAC-SHA256(SESSION_SECRET, cookie value): a copy of the table does
 * not yield usable cookies. `sess` holds the user, the tokens and pending sign-ins (see auth/session-data.ts);
 * `sub` and `idp_sid` are copied out of it so that back-channel logout and "end all sessions" find rows by index.
 */
export const session = bff.table(
  'session',
  {
    sid: varchar('sid').primaryKey(),
    sess: json('sess').notNull(),
    /** When the session ends: min(last seen + idle timeout, created + absolute lifetime). */
    expire: timestamp('expire', { precision: 6, withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { precision: 3, withTimezone: true }).notNull(),
    /** Updated at most once a minute. */
    lastSeenAt: timestamp('last_seen_at', { precision: 3, withTimezone: true }).notNull(),
    sub: varchar('sub', { length: 255 }),
    idpSid: varchar('idp_sid', { length: 255 }),
    userAgent: varchar('user_agent', { length: 256 }),
    ip: varchar('ip', { length: 64 }),
  },
  (t) => [index('session_expire_idx').on(t.expire), index('session_sub_idx').on(t.sub), index('session_idp_sid_idx').on(t.idpSid)],
);

/** `jti` of accepted back-channel logout tokens, kept until the token could no longer be accepted. */
export const logoutToken = bff.table(
  'logout_token',
  {
    jti: varchar('jti', { length: 255 }).primaryKey(),
    expire: timestamp('expire', { precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [index('logout_token_expire_idx').on(t.expire)],
);
