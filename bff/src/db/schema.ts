// Tables of the BFF (schema `bff`): server-side sessions and the replay guard of back-channel logout tokens.
import { bigserial, index, integer, json, pgSchema, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

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

/**
 * The remote registry (docs/adr/0008-independent-delivery.md): one row per remote (Module Federation name), with
 * the version every user gets (`active_version`), the one before it (what a rollback returns to) and an optional
 * canary version served to `canary_percent` % of signed-in users.
 */
export const remote = bff.table('remote', {
  name: varchar('name', { length: 63 }).primaryKey(),
  activeVersion: varchar('active_version', { length: 64 }),
  previousVersion: varchar('previous_version', { length: 64 }),
  canaryVersion: varchar('canary_version', { length: 64 }),
  canaryPercent: integer('canary_percent').notNull().default(0),
  updatedAt: timestamp('updated_at', { precision: 3, withTimezone: true }).notNull().defaultNow(),
  updatedBy: varchar('updated_by', { length: 255 }),
});

/**
 * Every version a remote was given: the seed (from REMOTES_REGISTRY: `entry` is wherever it is served) or a
 * published artifact (`entry` under /remotes/<name>/<version>/, files in the remote store). Health: the result of
 * the publish-time entry check, then the latest load failure browsers reported.
 */
export const remoteVersion = bff.table(
  'remote_version',
  {
    remote: varchar('remote', { length: 63 })
      .notNull()
      .references(() => remote.name, { onDelete: 'cascade' }),
    version: varchar('version', { length: 64 }).notNull(),
    entry: varchar('entry', { length: 512 }).notNull(),
    source: varchar('source', { length: 16 }).notNull(),
    checksum: varchar('checksum', { length: 80 }),
    sdkVersion: varchar('sdk_version', { length: 32 }),
    contractsVersion: varchar('contracts_version', { length: 32 }),
    publishedAt: timestamp('published_at', { precision: 3, withTimezone: true }).notNull().defaultNow(),
    publishedBy: varchar('published_by', { length: 255 }),
    health: varchar('health', { length: 16 }).notNull().default('unknown'),
    healthMessage: varchar('health_message', { length: 500 }),
    healthCheckedAt: timestamp('health_checked_at', { precision: 3, withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.remote, t.version] })],
);

/** Publish tokens: one remote each, created by an administrator, stored as SHA-256 of the secret, revocable. */
export const publishToken = bff.table(
  'publish_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    remote: varchar('remote', { length: 63 })
      .notNull()
      .references(() => remote.name, { onDelete: 'cascade' }),
    label: varchar('label', { length: 100 }).notNull(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    createdAt: timestamp('created_at', { precision: 3, withTimezone: true }).notNull().defaultNow(),
    createdBy: varchar('created_by', { length: 255 }).notNull(),
    lastUsedAt: timestamp('last_used_at', { precision: 3, withTimezone: true }),
    revokedAt: timestamp('revoked_at', { precision: 3, withTimezone: true }),
  },
  (t) => [index('publish_token_remote_idx').on(t.remote)],
);

/** Who did what to the registry, when: publish, promote, canary, rollback, token created/revoked. */
export const remoteAudit = bff.table(
  'remote_audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { precision: 3, withTimezone: true }).notNull().defaultNow(),
    actor: varchar('actor', { length: 255 }).notNull(),
    action: varchar('action', { length: 32 }).notNull(),
    remote: varchar('remote', { length: 63 }).notNull(),
    version: varchar('version', { length: 64 }),
    details: json('details'),
  },
  (t) => [index('remote_audit_remote_at_idx').on(t.remote, t.at)],
);
