import { YearConfiguration, YearConfigurationBody, YearList, YearPathParams } from '../years.js';
import { defineRoute } from './route.js';

const tags = ['years'];

export const listYears = defineRoute({
  operationId: 'listYears',
  method: 'get',
  path: '/api/v1/years',
  auth: 'user',
  summary: 'Reporting years: those open to users; administrators see every configured year',
  tags,
  response: { status: 200, description: 'Years, newest first', schema: YearList },
});

export const getYearConfiguration = defineRoute({
  operationId: 'getYearConfiguration',
  method: 'get',
  path: '/api/v1/years/{year}/configuration',
  auth: 'admin',
  summary: 'A year’s configuration (defaults where nothing is set). Administrators only.',
  tags,
  request: { params: YearPathParams },
  response: { status: 200, description: 'The configuration', schema: YearConfiguration },
});

export const putYearConfiguration = defineRoute({
  operationId: 'putYearConfiguration',
  method: 'put',
  path: '/api/v1/years/{year}/configuration',
  auth: 'admin',
  summary: 'Replaces a year’s configuration (open flag, modules and submodules enabled, thresholds, uncertainty tags, reduction goals, working days). Administrators only; audited.',
  tags,
  request: { params: YearPathParams, body: YearConfigurationBody },
  response: { status: 200, description: 'The stored configuration', schema: YearConfiguration },
});
