import { Me } from '../identity.js';
import { ListUnitsQuery, Unit, UnitList, UnitPathParams } from '../units.js';
import { defineRoute } from './route.js';

export const getMe = defineRoute({
  operationId: 'getMe',
  method: 'get',
  path: '/api/v1/me',
  auth: 'user',
  summary: 'The signed-in user, the roles of the access token and the labs they work in',
  tags: ['identity'],
  response: { status: 200, description: 'The caller', schema: Me },
});

export const listUnits = defineRoute({
  operationId: 'listUnits',
  method: 'get',
  path: '/api/v1/units',
  auth: 'user',
  summary: 'Units the caller may see (unit grants: those units; affiliation grants: the subtree; global: all)',
  tags: ['units'],
  request: { query: ListUnitsQuery },
  response: { status: 200, description: 'Visible active units, ordered by path', schema: UnitList },
});

export const getUnit = defineRoute({
  operationId: 'getUnit',
  method: 'get',
  path: '/api/v1/units/{code}',
  auth: 'user',
  summary: 'One unit the caller may see (otherwise 404)',
  tags: ['units'],
  request: { params: UnitPathParams },
  errors: [404],
  response: { status: 200, description: 'The unit', schema: Unit },
});

export const getUnitSubtree = defineRoute({
  operationId: 'getUnitSubtree',
  method: 'get',
  path: '/api/v1/units/{code}/subtree',
  auth: 'user',
  summary: 'A visible unit and the units below it that the caller may see, ordered by path',
  tags: ['units'],
  request: { params: UnitPathParams, query: ListUnitsQuery },
  errors: [404],
  response: { status: 200, description: 'The unit and its descendants', schema: UnitList },
});
