import { Health } from '../health.js';
import { defineRoute } from './route.js';

export const getHealth = defineRoute({
  operationId: 'getHealth',
  method: 'get',
  path: '/healthz',
  auth: 'public',
  summary: 'Liveness: the process answers (does not touch the database)',
  tags: ['health'],
  response: { status: 200, description: 'Alive', schema: Health },
});

export const getReadiness = defineRoute({
  operationId: 'getReadiness',
  method: 'get',
  path: '/readyz',
  auth: 'public',
  summary: 'Readiness: the database answers; 503 `database_unavailable` otherwise',
  tags: ['health'],
  response: { status: 200, description: 'Ready', schema: Health },
});
