import { ModuleKey } from './modules/index.js';
import { ModuleStatus, ReportPathParams } from './reports.js';
import { UnitCode } from './units.js';
import { z } from './zod.js';

export const ResultsPathParams = ReportPathParams;

/** `provisional=true` counts every module; by default only validated modules count. */
export const ResultsQuery = z.strictObject({
  provisional: z.enum(['true', 'false']).optional().describe('true: every module counts, validated or not'),
});
export type ResultsQuery = z.infer<typeof ResultsQuery>;

const Tonnes = z.number().describe('t CO2-eq');

export const ModuleResult = z
  .object({
    module: ModuleKey,
    status: ModuleStatus,
    tonnesCo2eq: Tonnes,
    previousTonnesCo2eq: Tonnes.nullable(),
    changePercent: z.number().nullable(),
  })
  .openapi('ModuleResult');

const CategoryTonnes = z.object({ category: z.string(), tonnesCo2eq: Tonnes });

/** One factor's part in the total's uncertainty. */
export const FactorUncertainty = z
  .object({
    factorId: z.string().nullable().describe('null: an emission row without a factor'),
    module: ModuleKey,
    label: z.string().describe('Submodule and classification of the factor'),
    source: z.string().nullable(),
    tonnesCo2eq: Tonnes.describe('Counted emissions computed with this factor'),
    relativeUncertainty: z.number().describe('0.1 = 10 %'),
    basis: z.enum(['factor', 'tag']).describe('factor: its own uncertainty; tag: the year’s module uncertainty tag default'),
    sigmaTonnesCo2eq: Tonnes,
    varianceShare: z.number().describe('Share of the total variance, 0–1'),
  })
  .openapi('FactorUncertainty');

/** The total as a 95 % range (docs/uncertainty.md): σ = √Σ_f (u_f · kg_f)², total ± 1.96 σ. */
export const UncertaintyRange = z
  .object({
    sigmaTonnesCo2eq: Tonnes,
    halfWidth95TonnesCo2eq: Tonnes,
    low95TonnesCo2eq: Tonnes,
    high95TonnesCo2eq: Tonnes,
    byModule: z
      .array(z.object({ module: ModuleKey, sigmaTonnesCo2eq: Tonnes, halfWidth95TonnesCo2eq: Tonnes }))
      .describe('Each counted module’s own range (its factors only): the error bars'),
    byFactor: z.array(FactorUncertainty).describe('The factors that carry uncertainty, largest share first (at most 20)'),
  })
  .openapi('UncertaintyRange');

/** `GET /api/v1/units/{unit}/years/{year}/results` */
export const Results = z
  .object({
    unit: UnitCode,
    year: z.number().int(),
    provisional: z.boolean(),
    /** Modules counted in these figures. */
    modules: z.array(ModuleKey),
    totalTonnesCo2eq: Tonnes.describe('Counted modules, additional categories excluded'),
    totalFte: z.number(),
    tonnesCo2eqPerFte: z.number().nullable(),
    equivalentCarKm: z.number(),
    previousTotalTonnesCo2eq: Tonnes.nullable(),
    changePercent: z.number().nullable().describe('(current − previous) / previous × 100; null without a previous total'),
    byModule: z.array(ModuleResult),
    byScope: z.object({ scope1: Tonnes, scope2: Tonnes, scope3: Tonnes }),
    byCategory: z.array(CategoryTonnes),
    byModuleCategory: z
      .array(z.object({ module: ModuleKey, category: z.string(), tonnesCo2eq: Tonnes }))
      .describe('Counted modules split by chart category (additional categories excluded), in module order'),
    additional: z.object({
      totalTonnesCo2eq: Tonnes,
      tonnesCo2eqPerFte: z.number().nullable(),
      byCategory: z.array(CategoryTonnes),
    }),
    itFocus: z.object({
      tonnesCo2eq: Tonnes,
      byEmissionType: z.array(z.object({ emissionType: z.string(), tonnesCo2eq: Tonnes })),
    }),
    uncertainty: UncertaintyRange,
  })
  .openapi('Results');
export type Results = z.infer<typeof Results>;

export const EvolutionPathParams = z.object({ unit: UnitCode });

/** `GET /api/v1/units/{unit}/results/evolution`: validated totals per year. */
export const Evolution = z
  .object({
    unit: UnitCode,
    years: z.array(
      z.object({
        year: z.number().int(),
        totalTonnesCo2eq: Tonnes,
        validatedModules: z.array(ModuleKey),
        byModule: z.array(z.object({ module: ModuleKey, tonnesCo2eq: Tonnes })),
      }),
    ),
  })
  .openapi('Evolution');
export type Evolution = z.infer<typeof Evolution>;

const YearTonnes = z.object({ year: z.number().int(), tonnesCo2eq: Tonnes });

/** Where a unit stands against one reduction goal of the year configuration. */
export const TrajectoryVerdict = z
  .enum(['on_track', 'off_track', 'no_reference', 'no_data'])
  .describe('no_reference: nothing validated in the reference year; no_data: nothing validated after it yet')
  .openapi('TrajectoryVerdict');
export type TrajectoryVerdict = z.infer<typeof TrajectoryVerdict>;

export const GoalTrajectory = z
  .object({
    label: z.string(),
    referenceYear: z.number().int(),
    targetYear: z.number().int(),
    reductionPercent: z.number(),
    /** The reference year's validated total; null when nothing of it is validated. */
    referenceTonnesCo2eq: Tonnes.nullable(),
    targetTonnesCo2eq: Tonnes.nullable().describe('reference × (1 − reductionPercent / 100)'),
    /** The straight path from the reference total to the target, one point per year (empty without a reference). */
    path: z.array(YearTonnes),
    /** Validated totals of the years from the reference year on (years without a validated module left out). */
    actual: z.array(YearTonnes),
    verdict: TrajectoryVerdict,
    /** The latest validated year after the reference and the path's value that year (the target after the target year). */
    latest: z.object({ year: z.number().int(), tonnesCo2eq: Tonnes, allowedTonnesCo2eq: Tonnes, gapTonnesCo2eq: Tonnes.describe('actual − allowed; ≤ 0 is on track') }).nullable(),
  })
  .openapi('GoalTrajectory');
export type GoalTrajectory = z.infer<typeof GoalTrajectory>;

/** `GET /api/v1/units/{unit}/years/{year}/trajectory`: the unit against the reduction goals of the year's configuration. */
export const Trajectory = z.object({ unit: UnitCode, year: z.number().int(), goals: z.array(GoalTrajectory) }).openapi('Trajectory');
export type Trajectory = z.infer<typeof Trajectory>;

/** `GET /api/v1/units/{unit}/years/{year}/benchmark`: the unit's validated t per FTE beside the institution's average. */
export const Benchmark = z
  .object({
    unit: UnitCode,
    year: z.number().int(),
    tonnesCo2eqPerFte: z.number().nullable().describe('The unit’s validated total per FTE (as the results)'),
    institution: z
      .object({
        tonnesCo2eqPerFte: z.number().describe('Σ validated totals / Σ FTE of the labs counted'),
        labs: z.number().int().describe('Labs counted: every module validated and FTE recorded'),
      })
      .nullable()
      .describe('null while fewer than three labs are counted (an average of fewer could identify a unit)'),
    /** The per-FTE figure the unit's trajectory allows this year (the first goal whose path covers the year); null without one. */
    objectiveTonnesCo2eqPerFte: z.number().nullable(),
  })
  .openapi('Benchmark');
export type Benchmark = z.infer<typeof Benchmark>;
