import { copyFactors, createFactor, getFactor, previewFactorImpact, getTaxonomy, listFactors, updateFactor } from '@co2/contracts';
import type { FactorUseCases } from '../../domain/factors/factor-use-cases.js';
import { route } from '../route.js';

export const factorRoutes = (uc: FactorUseCases) => [
  route(listFactors, async ({ query }) => uc.listFactors(query)),
  route(copyFactors, async ({ body }, { principal }) => uc.copyFactors(principal, body)),
  route(previewFactorImpact, async ({ params, body }) => uc.previewImpact(params.id, body)),
  route(getFactor, async ({ params }) => uc.getFactor(params.id)),
  route(createFactor, async ({ body }, { principal }) => uc.createFactor(principal, body)),
  route(updateFactor, async ({ params, body }, { principal }) => uc.updateFactor(principal, params.id, body)),
  route(getTaxonomy, async ({ params }) => uc.getTaxonomy(params.year, params.submodule)),
];
