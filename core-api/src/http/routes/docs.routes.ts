import type { AnyApiRoute } from '@co2/contracts';
import { buildOpenApiDocument } from '@co2/contracts/openapi';
import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';

/**
 * `GET /api/openapi.json` and Swagger UI at `/api/docs/` (public). Swagger UI loads the document from the
 * absolute path `/api/openapi.json` and its assets relative to `/api/docs/`, so it works the same directly and
 * through the BFF proxy at the same path.
 */
export function docsRouter(routes: readonly AnyApiRoute[], info: { version: string }): Router {
  const document = buildOpenApiDocument(routes, {
    title: 'CO2 portal core API',
    version: info.version,
    description: 'Units, inventories, emission factors and results. Errors: `{ error: { code, message, details } }`.',
  });
  const router = Router();
  router.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.get('/api/docs', (req, res, next) => {
    // Without the trailing slash the page's relative asset URLs would resolve against /api/.
    if (req.originalUrl.split('?')[0] === '/api/docs') res.redirect(301, './docs/');
    else next();
  });
  router.use(
    '/api/docs',
    swaggerUi.serveFiles(undefined, { swaggerUrl: '/api/openapi.json', swaggerOptions: { url: '/api/openapi.json' } }),
    swaggerUi.setup(undefined, {
      customSiteTitle: 'CO2 portal core API',
      swaggerOptions: { url: '/api/openapi.json', persistAuthorization: false },
    }),
  );
  return router;
}
