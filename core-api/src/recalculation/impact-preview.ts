// The impact of a factor's new values before they are applied: inside ONE transaction on a dedicated connection
// the factor is changed and the recalculation's own set-based statements run over the rows computed with it;
// the per-unit sums before and after are read, then everything is rolled back (nothing is written). Rows the SQL
// cannot decide (a distance band moved: the engine's work) are counted, not estimated.
import type { SubmoduleKey } from '@co2/contracts';
import type pg from 'pg';
import { updateFormulaSetBased } from '../repositories/recalculation.repository.js';
import { SET_BASED_SUBMODULES, SQL_FORMULAS } from './sql-formulas.js';

export interface ImpactRow {
  unitCode: string;
  beforeKg: number;
  afterKg: number;
}

export interface ImpactOutcome {
  /** False when the submodule has no set-based formula: only the recalculation itself can tell. */
  supported: boolean;
  units: ImpactRow[];
  entriesForEngine: number;
}

/** Per unit, the kg of the emission rows computed with the factor. */
const UNIT_SUMS = `
  SELECT u.code AS "unitCode", sum(em.kg_co2eq)::float8 AS kg
  FROM entry_emissions em
  JOIN entries e ON e.id = em.entry_id
  JOIN report_modules rm ON rm.id = e.report_module_id
  JOIN carbon_reports cr ON cr.id = rm.report_id
  JOIN units u ON u.id = cr.unit_id
  WHERE em.factor_id = $1
  GROUP BY u.code ORDER BY u.code`;

export async function previewFactorValues(pool: pg.Pool, o: { factorId: string; submodule: SubmoduleKey; year: number; values: Record<string, unknown> }): Promise<ImpactOutcome> {
  const formulas = SET_BASED_SUBMODULES[o.submodule];
  if (!formulas) return { supported: false, units: [], entriesForEngine: 0 };
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL work_mem = '256MB'`);
    const before = (await client.query<{ unitCode: string; kg: number }>(UNIT_SUMS, [o.factorId])).rows;
    await client.query('UPDATE factors SET values = $2::jsonb, updated_at = now() WHERE id = $1', [o.factorId, JSON.stringify(o.values)]);
    const engine = new Set<string>();
    for (const formula of formulas) {
      const out = await updateFormulaSetBased(client, { submodule: o.submodule, year: o.year, factorIds: [o.factorId] }, formula, SQL_FORMULAS[formula]!);
      out.forEngine.forEach((id) => engine.add(id));
    }
    const after = new Map((await client.query<{ unitCode: string; kg: number }>(UNIT_SUMS, [o.factorId])).rows.map((r) => [r.unitCode, r.kg]));
    const units = before.map((b) => ({ unitCode: b.unitCode, beforeKg: b.kg, afterKg: after.get(b.unitCode) ?? 0 }));
    return { supported: true, units, entriesForEngine: engine.size };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}
