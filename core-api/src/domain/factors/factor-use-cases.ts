import type { CopyFactorsBody, CopyFactorsResult, CreateFactorBody, FactorImpact, FactorImpactBody, FactorPage, FactorWritten, ListFactorsQuery, RecalculationStarted, SubmoduleKey, Taxonomy, UpdateFactorBody } from '@co2/contracts';
import { errors } from '../../errors/index.js';
import type { Principal } from '../identity/principal.js';
import { findEmissionType } from '../modules/emission-types/index.js';
import type { Factor } from '../modules/types.js';
import type { FactorChange, FactorFilter, FactorRecord, FactorWriteOutcome } from './factor.js';
import { buildTaxonomy } from './taxonomy.js';

export interface FactorStore {
  list(filter: FactorFilter): Promise<{ items: FactorRecord[]; total: number }>;
  get(id: string): Promise<FactorRecord | undefined>;
  create(draft: FactorChange & Pick<FactorRecord, 'year' | 'submodule'>, actor: { id: string; subject: string }): Promise<FactorWriteOutcome>;
  update(id: string, change: FactorChange, actor: { id: string; subject: string }): Promise<FactorWriteOutcome>;
  forYear(year: number, submodule: SubmoduleKey): Promise<Factor[]>;
  copyYear(o: { fromYear: number; toYear: number; submodule?: string }, actor: { id: string; subject: string }): Promise<{ submodule: string; copied: number; total: number }[]>;
}

/** What to recompute after a factor write: its submodule and year, only its entries (`factorIds`) or all (`full`). */
export interface RecalculationRequest {
  submodule: SubmoduleKey;
  year: number;
  factorIds?: string[];
  full: boolean;
}

/** Starts the existing recalculation pipeline (recalculation → aggregation) of a submodule and year. */
export interface RecalculationQueue {
  start(request: RecalculationRequest, actor: { id: string }): Promise<RecalculationStarted>;
}

const actorOf = (p: Principal) => ({ id: p.user.id, subject: p.user.subject });

/** An emission type, when given, must be a node of the tree that can be booked (it has one scope). */
function assertEmissionType(emissionType: string | null | undefined): void {
  if (emissionType === undefined || emissionType === null) return;
  const type = findEmissionType(emissionType);
  if (!type || type.scope === null) throw errors.validationFailed([{ path: 'body.emissionType', message: `not a bookable emission type: ${emissionType}` }]);
}

/**
 * The canonical classification: keys without a value (null or blank) are dropped. Matching already treats an
 * absent key, null and '' alike; storing them alike keeps the factor identity (unique on the classification)
 * from splitting one factor in two, e.g. `{"subcategory": null}` written by the API and the CSV's empty cell.
 */
export function canonicalClassification<T extends Record<string, unknown>>(classification: T): T {
  return Object.fromEntries(Object.entries(classification).filter(([, v]) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === ''))) as T;
}

function outcome(result: FactorWriteOutcome, what: string): FactorRecord {
  if (result.ok) return result.factor;
  if (result.reason === 'missing') throw errors.notFound(what);
  throw errors.conflict(`a factor with the same submodule, year, emission type and classification exists (${what})`);
}

/**
 * Which entries a write makes stale. Values, unit or source: the entries computed with this factor (set-based,
 * `factorIds`). A new factor, or a changed classification or emission type: any lookup of the submodule and year
 * may now choose another factor, so every entry is recomputed (`full`), as a factor import that adds factors does.
 */
export function recalculationAfter(factor: FactorRecord, change: { created: boolean; classification?: unknown; emissionType?: unknown }): RecalculationRequest {
  const submodule = factor.submodule as SubmoduleKey;
  const relookup = change.created || change.classification !== undefined || change.emissionType !== undefined;
  return relookup ? { submodule, year: factor.year, full: true } : { submodule, year: factor.year, factorIds: [factor.id], full: false };
}

/**
 * Factor administration (the routes admit administrators only) and the dropdown taxonomies derived from factors.
 * Every create or update starts the recalculation of the entries the factor feeds, once the write has committed.
 */
/** Previews new values of a factor without writing them (the recalculation's statements, rolled back). */
export type ImpactPreviewer = (o: { factorId: string; submodule: SubmoduleKey; year: number; values: Record<string, unknown> }) => Promise<{
  supported: boolean;
  units: { unitCode: string; beforeKg: number; afterKg: number }[];
  entriesForEngine: number;
}>;

export function createFactorUseCases(deps: { factors: FactorStore; recalculations: RecalculationQueue; previewImpact: ImpactPreviewer }) {
  const recalculate = async (principal: Principal, factor: FactorRecord, change: Parameters<typeof recalculationAfter>[1]): Promise<FactorWritten> => ({
    ...factor,
    recalculation: await deps.recalculations.start(recalculationAfter(factor, change), { id: principal.user.id }),
  });
  return {
    listFactors: async (query: ListFactorsQuery): Promise<FactorPage> => ({ ...(await deps.factors.list(query)), page: query.page, pageSize: query.pageSize }),
    getFactor: async (id: string): Promise<FactorRecord> => {
      const factor = await deps.factors.get(id);
      if (!factor) throw errors.notFound(`factor ${id}`);
      return factor;
    },
    createFactor: async (principal: Principal, body: CreateFactorBody): Promise<FactorWritten> => {
      assertEmissionType(body.emissionType);
      const draft = { ...body, classification: canonicalClassification(body.classification), emissionType: body.emissionType ?? null, unit: body.unit ?? null, source: body.source ?? null };
      const created = outcome(await deps.factors.create(draft, actorOf(principal)), `${body.submodule} ${body.year}`);
      return recalculate(principal, created, { created: true });
    },
    updateFactor: async (principal: Principal, id: string, body: UpdateFactorBody): Promise<FactorWritten> => {
      assertEmissionType(body.emissionType);
      const change = body.classification ? { ...body, classification: canonicalClassification(body.classification) } : body;
      const updated = outcome(await deps.factors.update(id, change, actorOf(principal)), `factor ${id}`);
      return recalculate(principal, updated, { created: false, classification: body.classification, emissionType: body.emissionType });
    },
    /** Copy → per submodule that got factors, a full recalculation of the target year (any lookup may now match). */
    copyFactors: async (principal: Principal, body: CopyFactorsBody): Promise<CopyFactorsResult> => {
      const rows = await deps.factors.copyYear(body, actorOf(principal));
      const recalculations = [];
      for (const row of rows.filter((r) => r.copied > 0)) {
        recalculations.push(await deps.recalculations.start({ submodule: row.submodule as SubmoduleKey, year: body.toYear, full: true }, { id: principal.user.id }));
      }
      const submodules = rows.map((r) => ({ submodule: r.submodule, copied: r.copied, skipped: r.total - r.copied }));
      return {
        fromYear: body.fromYear,
        toYear: body.toYear,
        copied: submodules.reduce((n, r) => n + r.copied, 0),
        skipped: submodules.reduce((n, r) => n + r.skipped, 0),
        submodules,
        recalculations,
      };
    },
    previewImpact: async (id: string, body: FactorImpactBody): Promise<FactorImpact> => {
      const factor = await deps.factors.get(id);
      if (!factor) throw errors.notFound(`factor ${id}`);
      const outcome = await deps.previewImpact({ factorId: id, submodule: factor.submodule as SubmoduleKey, year: factor.year, values: body.values });
      const units = outcome.units.map((u) => ({ ...u, deltaKg: u.afterKg - u.beforeKg }));
      return { factorId: id, year: factor.year, submodule: factor.submodule, supported: outcome.supported, units, totalDeltaKg: units.reduce((n, u) => n + u.deltaKg, 0), entriesForEngine: outcome.entriesForEngine };
    },
    getTaxonomy: async (year: number, submodule: SubmoduleKey): Promise<Taxonomy> => buildTaxonomy(year, submodule, await deps.factors.forYear(year, submodule)),
  };
}
export type FactorUseCases = ReturnType<typeof createFactorUseCases>;
