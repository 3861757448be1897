// HTTP surface of independent delivery (thin handlers: validate → use case → respond):
//   GET  /portal/remotes.json               the registry for this browser's user (active or canary versions)
//   POST /bff/remote-failures               a signed-in browser reports a version whose entry failed to load
//   POST /portal/publish/{remote}           publish a version (Bearer publish token; no cookie, no CSRF)
//   GET  /bff/admin/remotes                 registry, versions, tokens, audit (backoffice.admin@global)
//   POST /bff/admin/remotes/{remote}/promote | canary | rollback, POST/DELETE …/tokens[/{id}]  (CSRF + audit)
import { createHash } from 'node:crypto';
import {
  CanaryRemoteBody,
  CreatePublishTokenBody,
  PromoteRemoteBody,
  PublishRequest,
  RemoteAdminList,
  RemoteFailureReport,
  RemoteName,
} from '@co2/contracts';
import express, { Router, type RequestHandler } from 'express';
import type { z } from 'zod';
import { requireSignedIn } from '../auth/signed-in.js';
import type { TokenRefresher } from '../auth/tokens.js';
import { BffError } from '../errors.js';
import { publishRemote, type PublishDeps } from './publish.js';
import type { RegistryService } from './registry-service.js';

export const ADMIN_ROLE = 'backoffice.admin@global';

/** 400 naming each offending field. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new BffError('bad_request', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
}

const remoteParam = (value: unknown) => parse(RemoteName, value);

/** The session when it can be read; a session store outage makes the request anonymous instead of failing it. */
const optional = (handlers: RequestHandler[]): RequestHandler[] => handlers.map((handler) => (req, res, next) => handler(req, res, () => next()));

export function portalRegistryRoutes(registry: RegistryService, session: RequestHandler[]): Router {
  const router = Router();
  router.get('/portal/remotes.json', ...optional(session), async (req, res) => {
    const body = JSON.stringify(await registry.registryFor(req.session?.user?.sub ?? null));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    // Per user (canary assignment) and short-lived: revalidated on every use, 304 when unchanged.
    res.set({ 'Cache-Control': 'private, no-cache', ETag: etag, Vary: 'Cookie' });
    if (req.headers['if-none-match'] === etag) return res.status(304).end();
    res.type('application/json').send(body);
  });
  return router;
}

export function remoteFailureRoutes(registry: RegistryService, refresher: TokenRefresher): Router {
  const router = Router();
  router.post('/bff/remote-failures', express.json({ limit: '8kb' }), async (req, res) => {
    await requireSignedIn(req, res, refresher);
    const report = parse(RemoteFailureReport, req.body);
    const known = await registry.reportFailure(report.name, report.version, report.message);
    req.log?.warn({ remote: report.name, version: report.version, message: report.message }, 'a browser could not load a remote');
    res.status(known ? 202 : 204).end();
  });
  return router;
}

export function publishRoutes(deps: PublishDeps, maxBytes: string): Router {
  const router = Router();
  router.post('/portal/publish/:remote', async (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const secret = header.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const token = await deps.registry.authorizePublish(secret);
    express.json({ limit: maxBytes })(req, res, (err?: unknown) => {
      if (err) {
        const type = (err as { type?: string }).type;
        return next(new BffError(type === 'entity.too.large' ? 'payload_too_large' : 'bad_request', type === 'entity.too.large' ? `The artifact is larger than ${maxBytes}` : 'The body must be JSON'));
      }
      publishRemote(deps, token, remoteParam(req.params.remote), parse(PublishRequest, req.body)).then((result) => {
        req.log?.info({ ...result, token: token.id }, 'remote version published');
        res.status(result.alreadyPublished ? 200 : 201).set('Cache-Control', 'no-store').json(result);
      }, next);
    });
  });
  return router;
}

export function adminRemoteRoutes(registry: RegistryService, refresher: TokenRefresher, storeKind: string): Router {
  const router = Router();
  const admin: RequestHandler = async (req, res, next) => {
    const { user } = await requireSignedIn(req, res, refresher);
    if (!user.roles.includes(ADMIN_ROLE)) throw new BffError('forbidden', `Managing remotes needs the role ${ADMIN_ROLE}`);
    res.locals.actor = user.name ? `${user.name} (${user.sub})` : user.sub;
    res.set('Cache-Control', 'no-store');
    next();
  };
  const json = express.json({ limit: '8kb' });
  const actor = (res: express.Response) => String(res.locals.actor);

  // Every change answers with the updated list (what the back office page shows next).
  const list = async (res: express.Response) => res.json(RemoteAdminList.parse(await registry.adminList(storeKind)));

  router.get('/bff/admin/remotes', admin, async (_req, res) => list(res));
  router.post('/bff/admin/remotes/:remote/promote', admin, json, async (req, res) => {
    const { version } = parse(PromoteRemoteBody, req.body);
    await registry.promote(remoteParam(req.params.remote), version, actor(res));
    await list(res);
  });
  router.post('/bff/admin/remotes/:remote/canary', admin, json, async (req, res) => {
    const { version, percent } = parse(CanaryRemoteBody, req.body);
    await registry.canary(remoteParam(req.params.remote), version, percent, actor(res));
    await list(res);
  });
  router.post('/bff/admin/remotes/:remote/rollback', admin, async (req, res) => {
    await registry.rollback(remoteParam(req.params.remote), actor(res));
    await list(res);
  });
  router.post('/bff/admin/remotes/:remote/tokens', admin, json, async (req, res) => {
    const { label } = parse(CreatePublishTokenBody, req.body);
    res.status(201).json(await registry.createToken(remoteParam(req.params.remote), label, actor(res)));
  });
  router.delete('/bff/admin/remotes/:remote/tokens/:id', admin, async (req, res) => {
    await registry.revokeToken(remoteParam(req.params.remote), String(req.params.id), actor(res));
    await list(res);
  });
  return router;
}
