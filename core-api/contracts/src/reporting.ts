import { ModuleKey } from './modules/index.js';
import { ModuleStatus } from './reports.js';
import { UnitCode } from './units.js';
import { z } from './zod.js';

/** Status of a lab's whole report: validated when all eight modules are, not started when none is started. */
export const ReportStatus = z.enum(['not_started', 'in_progress', 'validated']).openapi('ReportStatus');

/** `GET /api/v1/reporting`: the labs of the caller's reporting scope (optionally under one unit) for a year. */
export const ReportingQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  unit: UnitCode.optional().describe('only labs under this unit (faculty, institute…)'),
  status: ReportStatus.optional(),
  module: ModuleKey.optional().describe('with moduleStatus: labs whose module has that status'),
  moduleStatus: ModuleStatus.optional(),
  q: z.string().trim().min(1).max(100).optional().describe('text in the lab’s code or name, or its parent’s code (case-insensitive)'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
});
export type ReportingQuery = z.infer<typeof ReportingQuery>;

export const ReportingExportQuery = ReportingQuery.omit({ page: true, pageSize: true });
export type ReportingExportQuery = z.infer<typeof ReportingExportQuery>;

export const ReportingRow = z
  .object({
    unit: z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable(), path: z.array(z.string()) }),
    status: ReportStatus,
    validatedModules: z.number().int(),
    /** Validated modules, additional categories excluded. */
    validatedTonnesCo2eq: z.number(),
    modules: z.array(z.object({ module: ModuleKey, status: ModuleStatus, tonnesCo2eq: z.number() })),
  })
  .openapi('ReportingRow');
export type ReportingRow = z.infer<typeof ReportingRow>;

export const ReportingPage = z
  .object({
    year: z.number().int(),
    items: z.array(ReportingRow),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Over every matching lab (not only this page). */
    summary: z.object({
      labs: z.number().int(),
      validatedLabs: z.number().int(),
      inProgressLabs: z.number().int(),
      notStartedLabs: z.number().int(),
      validatedTonnesCo2eq: z.number(),
    }),
  })
  .openapi('ReportingPage');
export type ReportingPage = z.infer<typeof ReportingPage>;

/** `GET /api/v1/reporting/export.json`: every matching lab of the year (the CSV's rows, as JSON). */
export const ReportingExport = z.object({ year: z.number().int(), items: z.array(ReportingRow) }).openapi('ReportingExport');
export type ReportingExport = z.infer<typeof ReportingExport>;
