import { SUBMODULE_KEYS } from '@co2/contracts';
import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from './checks.js';

/**
 * Emission factors per year and submodule: classification (lookup keys) → values. Identity: submodule, year,
 * emission type and classification (jsonb equality ignores key order); a missing emission type counts as a value.
 */
export const factors = pgTable(
  'factors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    submodule: text('submodule').notNull(),
    emissionType: text('emission_type'),
    classification: jsonb('classification').notNull().default(sql`'{}'::jsonb`),
    values: jsonb('values').notNull(),
    unit: text('unit'),
    /** Where the numbers come from (publication, database and version, licence). */
    source: text('source'),
    /** Relative standard uncertainty of the values (0.1 = 10 %); null: the year's module uncertainty tag decides. */
    relativeUncertainty: doublePrecision('relative_uncertainty'),
    /** The factor import that last listed this factor; factors a newer import of their scope omits are stale. */
    lastSeenJobId: uuid('last_seen_job_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('factors_identity').on(t.submodule, t.year, t.emissionType, t.classification).nullsNotDistinct(),
    index('factors_year_submodule_idx').on(t.year, t.submodule),
    check('factors_submodule_known', oneOf(t.submodule, SUBMODULE_KEYS)),
    check('factors_year_range', sql`${t.year} between 2000 and 2100`),
    check('factors_classification_object', sql`jsonb_typeof(${t.classification}) = 'object'`),
    check('factors_values_object', sql`jsonb_typeof(${t.values}) = 'object'`),
    check('factors_relative_uncertainty_range', sql`${t.relativeUncertainty} IS NULL OR (${t.relativeUncertainty} >= 0 AND ${t.relativeUncertainty} <= 10)`),
  ],
);
