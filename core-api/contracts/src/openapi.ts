import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { AnyApiRoute } from './api/route.js';
import { ErrorBody } from './errors.js';
import { entryDataComponents } from './modules/index.js';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ErrorBody } } });

function toRouteConfig(route: AnyApiRoute, bearer: { name: string }): RouteConfig {
  const responses: RouteConfig['responses'] = {
    [route.response.status]: {
      description: route.response.description,
      content: { [route.response.contentType ?? 'application/json']: { schema: route.response.schema } },
    },
  };
  if (route.request) responses[400] = errorResponse('Invalid request (`validation_failed`, `invalid_json`)');
  if (route.auth !== 'public') {
    responses[401] = errorResponse('Missing (`unauthenticated`) or invalid (`invalid_token`) access token');
    responses[503] = errorResponse('The identity provider cannot be reached (`auth_unavailable`)');
  }
  if (route.auth === 'admin' || route.errors?.includes(403)) responses[403] = errorResponse('Not allowed (`forbidden`)');
  if (route.errors?.includes(404)) responses[404] = errorResponse('Unknown, or not visible to the caller (`not_found`)');
  if (route.errors?.includes(409)) responses[409] = errorResponse('Conflicts with the current state (`conflict`)');
  if (route.errors?.includes(413)) responses[413] = errorResponse('The upload is larger than the configured limit (`payload_too_large`)');
  if (route.errors?.includes(415)) responses[415] = errorResponse('The upload is not a CSV file (`unsupported_media_type`)');
  if (route.errors?.includes(422)) responses[422] = errorResponse('Well-formed but refused by the current state (e.g. `year_closed`)');
  const { params, query, body, bodyContentType } = route.request ?? {};
  return {
    operationId: route.operationId,
    method: route.method,
    path: route.path,
    summary: route.summary,
    tags: route.tags,
    security: route.auth === 'public' ? [] : [{ [bearer.name]: [] }],
    request: {
      ...(params ? { params } : {}),
      ...(query ? { query } : {}),
      ...(body ? { body: { required: true, content: { [bodyContentType ?? 'application/json']: { schema: body } } } } : {}),
    },
    responses,
  };
}

/** The OpenAPI 3.1 document of the given routes (server `/`: paths are absolute, so it works behind the BFF). */
export function buildOpenApiDocument(routes: readonly AnyApiRoute[], info: OpenApiInfo): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'OIDC access token for the core-api audience (the BFF adds it to proxied `/api/*` calls)',
  });
  registry.register('Error', ErrorBody);
  for (const [name, schema] of Object.entries(entryDataComponents)) registry.register(name, schema);
  for (const route of routes) registry.registerPath(toRouteConfig(route, bearer));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { ...info },
    servers: [{ url: '/' }],
  });
}
