import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, smallint, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** The organisation tree: 1 university → 2 faculty → 3 institute → 4 lab. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    nameFr: text('name_fr').notNull(),
    nameDe: text('name_de'),
    level: smallint('level').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id, { onDelete: 'restrict' }),
    /** Ancestor codes, root first, including the unit itself: subtree of X = `path @> ARRAY[X]`. */
    path: text('path').array().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('units_level_range', sql`${t.level} between 1 and 4`),
    check('units_path_depth', sql`cardinality(${t.path}) = ${t.level}`),
    check('units_root_has_no_parent', sql`(${t.level} = 1) = (${t.parentId} is null)`),
    index('units_path_gin').using('gin', t.path),
    index('units_parent_idx').on(t.parentId),
  ],
);
