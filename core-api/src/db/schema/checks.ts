import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** `column IN ('a', 'b')` with inlined literals (CHECK constraints take no parameters); values are code constants. */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
  return sql`${column} in (${sql.raw(list)})`;
}

/** A finite double ≥ 0 (PostgreSQL orders NaN above every number, so `>= 0` alone lets it through). */
export const finiteNonNegative = (column: AnyPgColumn): SQL => sql`${column} >= 0 and ${column} < 'Infinity'::float8`;
