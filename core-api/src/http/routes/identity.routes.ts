import { getMe, listUnits } from '@co2/contracts';
import type { createGetMe } from '../../domain/identity/get-me.js';
import type { createListVisibleUnits } from '../../domain/units/list-visible-units.js';
import { route } from '../route.js';

export interface IdentityUseCases {
  getMe: ReturnType<typeof createGetMe>;
  listVisibleUnits: ReturnType<typeof createListVisibleUnits>;
}

export const identityRoutes = (uc: IdentityUseCases) => [
  route(getMe, async (_input, { principal }) => uc.getMe(principal)),
  route(listUnits, async ({ query }, { principal }) => ({ units: await uc.listVisibleUnits(principal, query) })),
];
