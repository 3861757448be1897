import { Me } from '../identity.js';
import { ListUnitsQuery, UnitList } from '../units.js';
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
