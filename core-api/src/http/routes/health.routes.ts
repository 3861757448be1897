import { getHealth, getReadiness } from '@co2/contracts';
import { errors } from '../../errors/index.js';
import type { HealthRepository } from '../../repositories/index.js';
import { route } from '../route.js';

export const READINESS_TIMEOUT_MS = 2_000;

export const healthRoutes = (deps: { health: HealthRepository }) => [
  route(getHealth, async () => ({ status: 'ok' as const })),
  route(getReadiness, async () => {
    await deps.health.ping(READINESS_TIMEOUT_MS).catch((err: unknown) => {
      throw errors.databaseUnavailable(err);
    });
    return { status: 'ok' as const };
  }),
];
