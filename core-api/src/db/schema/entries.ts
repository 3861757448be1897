import { SUBMODULE_KEYS } from '@co2/contracts';
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, doublePrecision, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { reportModules } from './carbon-reports.js';
import { finiteNonNegative, oneOf } from './checks.js';
import { factors } from './factors.js';
import { users } from './users.js';

export const ENTRY_SOURCES = ['manual', 'csv_unit', 'csv_year', 'api', 'external_integration', 'derived', 'copied'] as const;
export const ENTRY_STATUSES = ['computed', 'not_computed'] as const;

/**
 * One activity row of a submodule. `data` is validated by the submodule's schema before it is written. Its total is
 * the sum of its emission rows, never cached here: a recalculation rewrites only the emission rows (ADR 0005).
 */
export const entries = pgTable(
  'entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportModuleId: uuid('report_module_id').notNull().references(() => reportModules.id, { onDelete: 'cascade' }),
    submodule: text('submodule').notNull(),
    data: jsonb('data').notNull(),
    note: text('note'),
    source: text('source', { enum: ENTRY_SOURCES }).notNull().default('manual'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** The entry this one is derived from (embodied energy ← room); removed with it. */
    derivedFromId: uuid('derived_from_id').references((): AnyPgColumn => entries.id, { onDelete: 'cascade' }),
    /** A given kg CO2-eq that replaces the formula (CSV `kg_co2eq`, travel-agency feed). */
    kgOverride: doublePrecision('kg_override'),
    status: text('status', { enum: ENTRY_STATUSES }).notNull(),
    /** Why there is no emission (`missing_factor`, `missing_location`, …) and a readable explanation. */
    reason: text('reason'),
    reasonMessage: text('reason_message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('entries_module_submodule_idx').on(t.reportModuleId, t.submodule, t.createdAt),
    /** Only derived entries (few): imported and manual rows add nothing to it. */
    index('entries_derived_from_idx').on(t.derivedFromId).where(sql`${t.derivedFromId} IS NOT NULL`),
    /** Entries without emission (few): a recalculation finds the ones a new factor may now compute. */
    index('entries_not_computed_idx').on(t.submodule, t.reason).where(sql`${t.status} = 'not_computed'`),
    check('entries_submodule_known', oneOf(t.submodule, SUBMODULE_KEYS)),
    check('entries_source_known', oneOf(t.source, ENTRY_SOURCES)),
    check('entries_status_known', oneOf(t.status, ENTRY_STATUSES)),
    check('entries_reason_iff_not_computed', sql`(${t.status} = 'not_computed') = (${t.reason} is not null)`),
    check('entries_data_object', sql`jsonb_typeof(${t.data}) = 'object'`),
    check('entries_override', sql`${t.kgOverride} is null or (${finiteNonNegative(t.kgOverride)})`),
  ],
);

/** The computed rows of an entry; each explains itself (factor, quantity, formula and its inputs). */
export const entryEmissions = pgTable(
  'entry_emissions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entryId: uuid('entry_id').notNull().references(() => entries.id, { onDelete: 'cascade' }),
    emissionTypeId: integer('emission_type_id').notNull(),
    emissionType: text('emission_type').notNull(),
    scope: smallint('scope').notNull(),
    category: text('category').notNull(),
    additional: boolean('additional').notNull().default(false),
    kgCo2eq: doublePrecision('kg_co2eq').notNull(),
    /** A factor in use cannot be deleted: change it and recompute instead. */
    factorId: uuid('factor_id').references(() => factors.id, { onDelete: 'restrict' }),
    factorYear: integer('factor_year'),
    quantity: doublePrecision('quantity'),
    quantityUnit: text('quantity_unit'),
    formula: text('formula').notNull(),
    inputs: jsonb('inputs').notNull().default(sql`'{}'::jsonb`),
    /**
     * The factor's values as the last set-based recalculation used them (`ef_kg_co2eq_per_km`, …); they override
     * the same keys of `inputs` when read. The recalculation then writes one per-factor value instead of rebuilding
     * each row's `inputs`; the engine rewrites whole rows and leaves it null.
     */
    factorInputs: jsonb('factor_inputs'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('entry_emissions_entry_idx').on(t.entryId),
    index('entry_emissions_factor_idx').on(t.factorId),
    check('entry_emissions_scope', sql`${t.scope} between 1 and 3`),
    check('entry_emissions_kg', finiteNonNegative(t.kgCo2eq)),
  ],
);
