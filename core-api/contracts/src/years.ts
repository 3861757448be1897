import { MODULES, ModuleKey } from './modules/index.js';
import { UncertaintyTag, YearParam } from './reports.js';
import { z } from './zod.js';

export { UncertaintyTag } from './reports.js';

/** A submodule of a year: shown or not, and the kg CO2-eq above which a row or total is flagged as an outlier. */
export const SubmoduleConfiguration = z
  .strictObject({
    enabled: z.boolean(),
    thresholdKg: z.number().finite().min(0).max(1e12).nullable(),
  })
  .openapi('SubmoduleConfiguration');

export const ModuleConfiguration = z
  .strictObject({
    enabled: z.boolean(),
    uncertainty: UncertaintyTag,
    /** Keyed by submodule identifier (e.g. `plane`); a missing submodule is enabled without threshold. */
    submodules: z.record(z.string().max(40), SubmoduleConfiguration),
  })
  .openapi('ModuleConfiguration');
export type ModuleConfiguration = z.infer<typeof ModuleConfiguration>;

export const ReductionGoal = z
  .strictObject({
    label: z.string().trim().min(1).max(200),
    referenceYear: z.number().int().min(2000).max(2100),
    targetYear: z.number().int().min(2000).max(2100),
    reductionPercent: z.number().finite().min(0).max(100),
  })
  .refine((g) => g.targetYear > g.referenceYear, { message: 'targetYear must be after referenceYear', path: ['targetYear'] })
  .openapi('ReductionGoal');
export type ReductionGoal = z.infer<typeof ReductionGoal>;

/** `PUT /api/v1/years/{year}/configuration`: the whole configuration of a year. */
export const YearConfigurationBody = z
  .strictObject({
    /** Users may write entries of this year only while it is open. */
    openToUsers: z.boolean(),
    /** Working days per year for per-day activity (AI); the reference codes 5 × 46 = 230. */
    workingDaysPerYear: z.number().int().min(1).max(366),
    modules: z.partialRecord(ModuleKey, ModuleConfiguration),
    reductionGoals: z.array(ReductionGoal).max(20),
  })
  .superRefine((body, ctx) => {
    for (const [module, config] of Object.entries(body.modules) as [ModuleKey, ModuleConfiguration][]) {
      const known: readonly string[] = MODULES[module];
      for (const submodule of Object.keys(config.submodules)) {
        if (!known.includes(submodule)) ctx.addIssue({ code: 'custom', path: ['modules', module, 'submodules', submodule], message: `unknown submodule of ${module} (one of ${known.join(', ')})` });
      }
    }
  })
  .openapi('YearConfigurationBody');
export type YearConfigurationBody = z.infer<typeof YearConfigurationBody>;

/** A year's configuration with every module and submodule filled in (defaults where nothing was set). */
export const YearConfiguration = z
  .object({
    year: z.number().int(),
    openToUsers: z.boolean(),
    workingDaysPerYear: z.number().int(),
    modules: z.record(ModuleKey, ModuleConfiguration),
    reductionGoals: z.array(ReductionGoal),
    /** null while the year has never been configured. */
    updatedAt: z.string().nullable(),
  })
  .openapi('YearConfiguration');
export type YearConfiguration = z.infer<typeof YearConfiguration>;

export const YearPathParams = z.object({ year: YearParam });

/** `GET /api/v1/years`: open years for users, every configured year for administrators. */
export const YearList = z
  .object({ years: z.array(z.object({ year: z.number().int(), openToUsers: z.boolean() })) })
  .openapi('YearList');
export type YearList = z.infer<typeof YearList>;
