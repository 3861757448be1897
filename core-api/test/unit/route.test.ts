import { defineRoute } from '@co2/contracts';
import { z } from '@co2/contracts/zod';
import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/domain/identity/principal.js';
import { AppError } from '../../src/errors/index.js';
import { setPrincipal } from '../../src/http/request-context.js';
import { route, toExpressPath } from '../../src/http/route.js';

const adminOnly = defineRoute({
  operationId: 'renameUnit',
  method: 'post',
  path: '/api/v1/units/{code}/name',
  auth: 'admin',
  summary: 'test',
  tags: ['test'],
  request: { params: z.object({ code: z.string() }), body: z.object({ name: z.string().min(1) }) },
  response: { status: 200, description: 'ok', schema: z.object({ code: z.string(), name: z.string() }) },
});

const user = { id: 'u', subject: 's', email: null, displayName: 'S', institutionalId: null };
const admin: Principal = { user, grants: [{ role: 'backoffice.admin', scope: { kind: 'global' } }] };
const reporter: Principal = { user, grants: [{ role: 'backoffice.metier', scope: { kind: 'affiliation', unitCode: 'ENV' } }] };

function request(principal: Principal | undefined, body: unknown): Request {
  const req = { params: { code: 'ENV' }, query: {}, body, log: undefined } as unknown as Request;
  if (principal) setPrincipal(req, principal);
  return req;
}

const bound = route(adminOnly, async ({ params, body }) => ({ code: params.code, name: body.name, secret: 'internal' }) as never);

const failure = async (promise: Promise<unknown>) => promise.then(() => undefined, (err: unknown) => err as AppError);

describe('route() declares permission and validation outside handlers', () => {
  it('when an admin calls an admin route with a valid body, then the contract shapes the response', async () => {
    await expect(bound.handle!(request(admin, { name: 'Umwelt' }))).resolves.toEqual({ code: 'ENV', name: 'Umwelt' });
  });

  it('when a non-admin calls an admin route, then 403 forbidden before the handler runs', async () => {
    expect(await failure(bound.handle!(request(reporter, { name: 'x' })))).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('when nobody is authenticated, then 401 unauthenticated', async () => {
    expect(await failure(bound.handle!(request(undefined, { name: 'x' })))).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('when the body is invalid, then 400 validation_failed names body.name', async () => {
    const err = await failure(bound.handle!(request(admin, { name: '' })));
    expect(err).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(err?.details?.map((d) => d.path)).toEqual(['body.name']);
  });

  it('OpenAPI path templates become Express paths', () => {
    expect(toExpressPath('/api/v1/units/{code}/name')).toBe('/api/v1/units/:code/name');
  });
});
