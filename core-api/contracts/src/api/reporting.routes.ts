import { z } from '../zod.js';
import { ReportingExport, ReportingExportQuery, ReportingPage, ReportingQuery } from '../reporting.js';
import { defineRoute } from './route.js';

const who = 'Back-office roles: metier within its affiliation subtrees, admin everywhere; user roles 403; a unit outside the scope 404.';

export const getReporting = defineRoute({
  operationId: 'getReporting',
  method: 'get',
  path: '/api/v1/reporting',
  auth: 'user',
  summary: `Labs of the reporting scope for a year with report status, module statuses and totals; filters. ${who}`,
  tags: ['reporting'],
  request: { query: ReportingQuery },
  errors: [403, 404],
  response: { status: 200, description: 'A page of labs and a summary', schema: ReportingPage },
});

export const exportReporting = defineRoute({
  operationId: 'exportReporting',
  method: 'get',
  path: '/api/v1/reporting/export.csv',
  auth: 'user',
  summary: `The same labs as CSV (every matching lab; one column pair per module). ${who}`,
  tags: ['reporting'],
  request: { query: ReportingExportQuery },
  errors: [403, 404],
  response: { status: 200, description: 'CSV, UTF-8, comma-separated, header row', schema: z.string(), contentType: 'text/csv' },
});

export const exportReportingJson = defineRoute({
  operationId: 'exportReportingJson',
  method: 'get',
  path: '/api/v1/reporting/export.json',
  auth: 'user',
  summary: `The same labs as JSON (every matching lab, with its module statuses and tonnes). ${who}`,
  tags: ['reporting'],
  request: { query: ReportingExportQuery },
  errors: [403, 404],
  response: { status: 200, description: 'Every matching lab', schema: ReportingExport },
});
