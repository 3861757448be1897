import type { ZodObject, ZodType } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call a route. `public`: anybody (health, docs); `user`: any valid access token; `admin`: a token
 * with `backoffice.admin@global`. Finer, unit-scoped permissions are checked by the use cases.
 */
export type RouteAuth = 'public' | 'user' | 'admin';

/**
 * One HTTP operation of the core API. The same definition feeds request validation and response shaping in
 * core-api, the OpenAPI document and typed clients. `path` uses OpenAPI templates: `/api/v1/units/{code}`.
 */
export interface ApiRoute<
  Params extends ZodObject | undefined = ZodObject | undefined,
  Query extends ZodObject | undefined = ZodObject | undefined,
  Body extends ZodType | undefined = ZodType | undefined,
  Response extends ZodType = ZodType,
  Auth extends RouteAuth = RouteAuth,
> {
  operationId: string;
  method: HttpMethod;
  path: `/${string}`;
  auth: Auth;
  summary: string;
  tags: string[];
  /** `bodyContentType` multipart/form-data: the body schema describes the form fields (file parts as binary strings). */
  request?: { params?: Params; query?: Query; body?: Body; bodyContentType?: 'application/json' | 'multipart/form-data' };
  response: { status: 200 | 201 | 202; description: string; schema: Response; contentType?: 'application/json' | 'text/csv' | 'text/event-stream' };
  /** Domain refusals the route may answer besides validation and authentication (documented in OpenAPI). */
  errors?: readonly DomainErrorStatus[];
}

export type DomainErrorStatus = 403 | 404 | 409 | 413 | 415 | 422;

export type AnyApiRoute = ApiRoute<ZodObject | undefined, ZodObject | undefined, ZodType | undefined, ZodType, RouteAuth>;

/** Identity function that keeps the literal types of a route definition. */
export function defineRoute<
  Params extends ZodObject | undefined = undefined,
  Query extends ZodObject | undefined = undefined,
  Body extends ZodType | undefined = undefined,
  Response extends ZodType = ZodType,
  Auth extends RouteAuth = RouteAuth,
>(route: ApiRoute<Params, Query, Body, Response, Auth>): ApiRoute<Params, Query, Body, Response, Auth> {
  return route;
}
