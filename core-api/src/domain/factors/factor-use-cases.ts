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
      const draft = { ...body, emissionType: body.emissionType ?? null, unit: body.unit ?? null, source: body.source ?? null };
      return outcome(await deps.factors.create(draft, actorOf(principal)), `${body.submodule} ${body.year}`);
    },
    updateFactor: async (principal: Principal, id: string, body: UpdateFactorBody): Promise<FactorRecord> => {
      assertEmissionType(body.emissionType);
      return outcome(await deps.factors.update(id, body, actorOf(principal)), `factor ${id}`);
    },
    getTaxonomy: async (year: number, submodule: SubmoduleKey): Promise<Taxonomy> => buildTaxonomy(year, submodule, await deps.factors.forYear(year, submodule)),
  };
}
export type FactorUseCases = ReturnType<typeof createFactorUseCases>;
