import { getMe, getUnit, getUnitSubtree, listUnits } from '@co2/contracts';
import type { createGetMe } from '../../domain/identity/get-me.js';
import type { createGetVisibleUnit, createListVisibleSubtree, createListVisibleUnits } from '../../domain/units/list-visible-units.js';
import { route } from '../route.js';

export interface IdentityUseCases {
  getMe: ReturnType<typeof createGetMe>;
  listVisibleUnits: ReturnType<typeof createListVisibleUnits>;
  getVisibleUnit: ReturnType<typeof createGetVisibleUnit>;
  listVisibleSubtree: ReturnType<typeof createListVisibleSubtree>;
}

export const identityRoutes = (uc: IdentityUseCases) => [
  route(getMe, async (_input, { principal }) => uc.getMe(principal)),
  route(listUnits, async ({ query }, { principal }) => ({ units: await uc.listVisibleUnits(principal, query) })),
  route(getUnit, async ({ params }, { principal }) => uc.getVisibleUnit(principal, params.code)),
  route(getUnitSubtree, async ({ params, query }, { principal }) => ({ units: await uc.listVisibleSubtree(principal, params.code, query) })),
];
