import type { CreateFactorBody, FactorPage, ListFactorsQuery, SubmoduleKey, Taxonomy, UpdateFactorBody } from '@co2/contracts';
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

/** Factor administration (the routes admit administrators only) and the dropdown taxonomies derived from factors. */
export function createFactorUseCases(deps: { factors: FactorStore }) {
  return {
    listFactors: async (query: ListFactorsQuery): Promise<FactorPage> => ({ ...(await deps.factors.list(query)), page: query.page, pageSize: query.pageSize }),
    getFactor: async (id: string): Promise<FactorRecord> => {
      const factor = await deps.factors.get(id);
      if (!factor) throw errors.notFound(`factor ${id}`);
      return factor;
    },
    createFactor: async (principal: Principal, body: CreateFactorBody): Promise<FactorRecord> => {
      assertEmissionType(body.emissionType);
      const draft = { ...body, classification: canonicalClassification(body.classification), emissionType: body.emissionType ?? null, unit: body.unit ?? null, source: body.source ?? null };
      return outcome(await deps.factors.create(draft, actorOf(principal)), `${body.submodule} ${body.year}`);
    },
    updateFactor: async (principal: Principal, id: string, body: UpdateFactorBody): Promise<FactorRecord> => {
      assertEmissionType(body.emissionType);
      const change = body.classification ? { ...body, classification: canonicalClassification(body.classification) } : body;
      return outcome(await deps.factors.update(id, change, actorOf(principal)), `factor ${id}`);
    },
    getTaxonomy: async (year: number, submodule: SubmoduleKey): Promise<Taxonomy> => buildTaxonomy(year, submodule, await deps.factors.forYear(year, submodule)),
  };
}
export type FactorUseCases = ReturnType<typeof createFactorUseCases>;
