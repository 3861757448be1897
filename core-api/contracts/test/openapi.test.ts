import { describe, expect, it } from 'vitest';
import { apiRoutes, getMe, listUnits, ListUnitsQuery, Me, UnitList } from '../src/index.js';
import { buildOpenApiDocument } from '../src/openapi.js';

describe('route contracts and OpenAPI', () => {
  const doc = buildOpenApiDocument(apiRoutes, { title: 'test', version: '1.0.0' });

  it('every route definition becomes one OpenAPI 3.1 operation with a unique operationId', () => {
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { operationId: string }>).map(([method, op]) => `${method} ${path} ${op.operationId}`),
    );
    expect(operations.sort()).toEqual(apiRoutes.map((r) => `${r.method} ${r.path} ${r.operationId}`).sort());
    expect(new Set(apiRoutes.map((r) => r.operationId)).size).toBe(apiRoutes.length);
  });

  it('authenticated routes declare bearer security and 401; public ones declare none', () => {
    const me = (doc.paths?.['/api/v1/me'] as Record<string, any>).get;
    expect(me.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(me.responses).sort()).toEqual(['200', '401', '503']);
    expect((doc.paths?.['/healthz'] as Record<string, any>).get.security).toEqual([]);
  });

  it('/api/v1 routes require a user; health routes are public', () => {
    for (const r of apiRoutes) expect(r.auth === 'public').toBe(!r.path.startsWith('/api/v1/'));
    expect(getMe.response.schema).toBe(Me);
    expect(listUnits.response.schema).toBe(UnitList);
  });

  it('the units query coerces the level and rejects out-of-range values', () => {
    expect(ListUnitsQuery.parse({ level: '4' })).toEqual({ level: 4 });
    expect(ListUnitsQuery.safeParse({ level: '5' }).success).toBe(false);
    expect(ListUnitsQuery.parse({})).toEqual({});
  });
});

describe('entry routes in OpenAPI', () => {
  const doc = buildOpenApiDocument(apiRoutes, { title: 'test', version: '1.0.0' });
  const path = '/api/v1/units/{unit}/years/{year}/modules/{module}/{submodule}/entries';

  it('declares list and create with path parameters, 403 and 404, and the entry data schemas as components', () => {
    const item = doc.paths?.[path] as Record<string, any>;
    expect(Object.keys(item).sort()).toEqual(['get', 'post']);
    expect(item.post.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['module', 'submodule', 'unit', 'year']);
    expect(Object.keys(item.post.responses).sort()).toEqual(['201', '400', '401', '403', '404', '503']);
    expect(Object.keys(doc.paths?.[`${path}/{id}`] as object).sort()).toEqual(['delete', 'get', 'patch']);
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(expect.arrayContaining(['PlaneTripData', 'EquipmentData', 'Entry', 'Emission']));
  });
});
