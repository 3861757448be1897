import { MODULES } from '@co2/contracts';
import { sql } from 'drizzle-orm';
import { check, doublePrecision, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { finiteNonNegative, oneOf } from './checks.js';
import { units } from './units.js';
import { users } from './users.js';

export const MODULE_STATUSES = ['not_started', 'in_progress', 'validated'] as const;

/** A unit's carbon report for one year. */
export const carbonReports = pgTable(
  'carbon_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('carbon_reports_unit_year').on(t.unitId, t.year), check('carbon_reports_year_range', sql`${t.year} between 2000 and 2100`)],
);

/** One module of a report: its validation status and cached totals (recomputed on every change). */
export const reportModules = pgTable(
  'report_modules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id').notNull().references(() => carbonReports.id, { onDelete: 'cascade' }),
    module: text('module').notNull(),
    status: text('status', { enum: MODULE_STATUSES }).notNull().default('not_started'),
    totalKg: doublePrecision('total_kg').notNull().default(0),
    entryCount: integer('entry_count').notNull().default(0),
    /** Cached sums: by scope, category, emission type and submodule (shape owned by the domain). */
    totals: jsonb('totals').notNull().default(sql`'{}'::jsonb`),
    validatedAt: timestamp('validated_at', { withTimezone: true }),
    validatedBy: uuid('validated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('report_modules_report_module').on(t.reportId, t.module),
    check('report_modules_module_known', oneOf(t.module, Object.keys(MODULES))),
    check('report_modules_status_known', oneOf(t.status, MODULE_STATUSES)),
    check('report_modules_validated_when', sql`(${t.status} = 'validated') = (${t.validatedAt} is not null)`),
    check('report_modules_total_kg', finiteNonNegative(t.totalKg)),
    check('report_modules_entry_count', sql`${t.entryCount} >= 0`),
  ],
);
