import type { AnyApiRoute, ApiRoute, RouteAuth } from '@co2/contracts';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { Logger } from 'pino';
import type { z, ZodObject, ZodType } from 'zod';
import { isGlobalAdmin, type Principal } from '../domain/identity/principal.js';
import { errors } from '../errors/index.js';
import { principalOf } from './request-context.js';
import { issuesToDetails } from './validation.js';

type Out<T> = T extends ZodType ? z.output<T> : undefined;

export interface RouteInput<P, Q, B> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
}

export interface RouteContext<A extends RouteAuth> {
  principal: A extends 'public' ? Principal | undefined : Principal;
  log: Logger;
}

export interface BoundRoute {
  def: AnyApiRoute;
  /** Returns the response body (JSON or CSV text), shaped by the contract. */
  handle?: (req: Request) => Promise<unknown>;
  /** Writes the response itself (multipart uploads, event streams, downloads with a file name). */
  write?: (req: Request, res: Response) => Promise<void>;
}

/** Authentication, role gate and input validation of a contract route, done before any handler runs. */
function prepare<P extends ZodObject | undefined, Q extends ZodObject | undefined, B extends ZodType | undefined, R extends ZodType, A extends RouteAuth>(
  def: ApiRoute<P, Q, B, R, A>,
  req: Request,
  options: { parseBody: boolean },
): { input: RouteInput<P, Q, B>; ctx: RouteContext<A> } {
  const parse = (location: string, schema: ZodType | undefined, value: unknown) => {
    if (!schema) return undefined;
    const result = schema.safeParse(value ?? (location === 'body' ? undefined : {}));
    if (!result.success) throw errors.validationFailed(issuesToDetails(location, result.error));
    return result.data;
  };
  const principal = principalOf(req);
  if (def.auth !== 'public' && !principal) throw errors.unauthenticated();
  if (def.auth === 'admin' && !isGlobalAdmin(principal?.grants ?? [])) throw errors.forbidden('administrators only');
  const input = {
    params: parse('params', def.request?.params, req.params),
    query: parse('query', def.request?.query, req.query),
    body: options.parseBody ? parse('body', def.request?.body, req.body) : undefined,
  } as RouteInput<P, Q, B>;
  return { input, ctx: { principal, log: req.log } as RouteContext<A> };
}

/**
 * Binds a contract route to its handler. The handler receives validated input and the principal and returns
 * the response body; validation, permission and response shaping are done here, never inside handlers.
 */
export function route<P extends ZodObject | undefined, Q extends ZodObject | undefined, B extends ZodType | undefined, R extends ZodType, A extends RouteAuth>(
  def: ApiRoute<P, Q, B, R, A>,
  handler: (input: RouteInput<P, Q, B>, ctx: RouteContext<A>) => Promise<z.input<R>>,
): BoundRoute {
  return {
    def: def as AnyApiRoute,
    handle: async (req) => {
      const { input, ctx } = prepare(def, req, { parseBody: true });
      const body = await handler(input, ctx);
      return def.response.schema.parse(body); // the contract shapes the output: unknown fields never leak
    },
  };
}

/**
 * A contract route whose handler writes the response (streams in or out). Authentication, the role gate and
 * params/query validation still happen here; the body is left unread for the handler.
 */
export function rawRoute<P extends ZodObject | undefined, Q extends ZodObject | undefined, B extends ZodType | undefined, R extends ZodType, A extends RouteAuth>(
  def: ApiRoute<P, Q, B, R, A>,
  handler: (input: Omit<RouteInput<P, Q, B>, 'body'>, ctx: RouteContext<A>, req: Request, res: Response) => Promise<void>,
): BoundRoute {
  return {
    def: def as AnyApiRoute,
    write: async (req, res) => {
      const { input, ctx } = prepare(def, req, { parseBody: false });
      await handler(input, ctx, req, res);
    },
  };
}

/** `/api/v1/units/{code}` → `/api/v1/units/:code` */
export const toExpressPath = (path: string) => path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');

/** Registers bound routes; non-public ones get `authenticate` in front of them. */
export function mountRoutes(router: Router, routes: readonly BoundRoute[], authenticate: RequestHandler): void {
  for (const { def, handle, write } of routes) {
    const guards = def.auth === 'public' ? [] : [authenticate];
    router[def.method](toExpressPath(def.path), ...guards, async (req, res) => {
      if (write) return write(req, res);
      const body = await handle!(req);
      if (def.response.contentType === 'text/csv') {
        res.status(def.response.status).type('text/csv; charset=utf-8').set('Content-Disposition', 'attachment').send(body);
      } else {
        res.status(def.response.status).json(body);
      }
    });
  }
}
