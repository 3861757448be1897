import { ModuleKey } from './modules/index.js';
import { UnitCode } from './units.js';
import { z } from './zod.js';

/** A reporting year in a path: 2000–2100. */
export const YearParam = z.coerce.number().int().min(2000).max(2100).openapi({ example: 2025 });

export const UncertaintyTag = z.enum(['none', 'low', 'medium', 'high']).openapi('UncertaintyTag');

export const ModuleStatus = z.enum(['not_started', 'in_progress', 'validated']).openapi('ModuleStatus');
export type ModuleStatus = z.infer<typeof ModuleStatus>;

/** `/api/v1/units/{unit}/years/{year}` */
export const ReportPathParams = z.object({ unit: UnitCode, year: YearParam });
export type ReportPathParams = z.infer<typeof ReportPathParams>;

/** `/api/v1/units/{unit}/years/{year}/modules/{module}/status` */
export const ModuleStatusPathParams = ReportPathParams.extend({ module: ModuleKey });
export type ModuleStatusPathParams = z.infer<typeof ModuleStatusPathParams>;

/** Validate (`validated`) or unvalidate (`in_progress`) a module of a report. */
export const SetModuleStatusBody = z
  .strictObject({ status: z.enum(['validated', 'in_progress']) })
  .openapi('SetModuleStatusBody');
export type SetModuleStatusBody = z.infer<typeof SetModuleStatusBody>;

/** One module of a report: status and cached totals (`null` when the caller may not see the module's totals). */
export const ReportModule = z
  .object({
    module: ModuleKey,
    status: ModuleStatus,
    totalKgCo2eq: z.number().nullable().describe('All emissions of the module, additional categories included'),
    additionalKgCo2eq: z.number().nullable().describe('Of which additional categories (commuting, food, waste, embodied energy)'),
    entryCount: z.number().int().nullable(),
    validatedAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi('ReportModule');
export type ReportModule = z.infer<typeof ReportModule>;

/** `GET /api/v1/units/{unit}/years/{year}`: the carbon report of a lab for a year. */
export const Report = z
  .object({
    unit: UnitCode,
    year: z.number().int(),
    /** Whether users may still write entries this year (year configuration). */
    open: z.boolean(),
    validatedModules: z.number().int(),
    /** Each module with the year configuration's `enabled` flag, uncertainty tag and submodule settings. */
    modules: z.array(
      ReportModule.extend({
        enabled: z.boolean(),
        uncertainty: UncertaintyTag,
        /** Submodules of the year: shown or not, and the kg CO2-eq above which an entry or total is flagged as an outlier. */
        submodules: z.array(z.object({ submodule: z.string(), enabled: z.boolean(), thresholdKg: z.number().nullable() })),
      }),
    ),
  })
  .openapi('Report');
export type Report = z.infer<typeof Report>;
