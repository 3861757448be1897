// Portal documents and probes: the runtime registry, liveness and readiness.
import type { Health, RemoteRegistry } from '@co2/contracts';
import { Router } from 'express';
import type pg from 'pg';

export function portalRoutes(registry: RemoteRegistry, pool: pg.Pool): Router {
  const router = Router();
  const body = JSON.stringify(registry);

  router.get('/portal/remotes.json', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('application/json').send(body);
  });

  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' } satisfies Health);
  });

  router.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      await pool.query('SELECT 1');
      res.json({ status: 'ok' } satisfies Health);
    } catch {
      res.status(503).json({ status: 'unavailable' } satisfies Health);
    }
  });

  return router;
}
