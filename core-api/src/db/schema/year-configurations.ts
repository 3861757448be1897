import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * Per-year settings: open to users or not, and `config` (modules/submodules enabled, thresholds, uncertainty
 * tags, reduction goals, working days per year) whose shape the contracts validate.
 */
export const yearConfigurations = pgTable(
  'year_configurations',
  {
    year: integer('year').primaryKey(),
    openToUsers: boolean('open_to_users').notNull().default(false),
    config: jsonb('config').notNull().default(sql`'{}'::jsonb`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('year_configurations_year_range', sql`${t.year} between 2000 and 2100`),
    check('year_configurations_config_object', sql`jsonb_typeof(${t.config}) = 'object'`),
  ],
);
