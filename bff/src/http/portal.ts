// Probes: liveness and readiness. (The runtime registry is served from the database: remotes/routes.ts.)
import type { Health } from '@co2/contracts';
import { Router } from 'express';
import type pg from 'pg';

export function portalRoutes(pool: pg.Pool): Router {
  const router = Router();

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
