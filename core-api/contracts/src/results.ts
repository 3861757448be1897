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
