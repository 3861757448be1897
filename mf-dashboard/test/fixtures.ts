import { Benchmark, Evolution, Results, Trajectory } from '@co2/contracts';

/** Results of LAB-CARBON 2025 as the API answers (parsed by the contract, so the fixture cannot drift). */
export function resultsFixture(overrides: Partial<Results> = {}): Results {
  return Results.parse({
    unit: 'LAB-CARBON',
    year: 2025,
    provisional: false,
    modules: ['headcount', 'equipment', 'process-emissions'],
    totalTonnesCo2eq: 10.3642,
    totalFte: 6.8,
    tonnesCo2eqPerFte: 1.5241,
    equivalentCarKm: 34593.4,
    previousTotalTonnesCo2eq: 15.7,
    changePercent: -33.99,
    byModule: [
      { module: 'headcount', status: 'validated', tonnesCo2eq: 0, previousTonnesCo2eq: null, changePercent: null },
      { module: 'equipment', status: 'validated', tonnesCo2eq: 4.3642, previousTonnesCo2eq: 5, changePercent: -12.7 },
      { module: 'process-emissions', status: 'validated', tonnesCo2eq: 6, previousTonnesCo2eq: 10.7, changePercent: -43.9 },
    ],
    byScope: { scope1: 6, scope2: 4.3642, scope3: 0 },
    byCategory: [
      { category: 'process_emissions', tonnesCo2eq: 6 },
      { category: 'equipment', tonnesCo2eq: 4.3642 },
    ],
    byModuleCategory: [
      { module: 'equipment', category: 'equipment', tonnesCo2eq: 4.3642 },
      { module: 'process-emissions', category: 'process_emissions', tonnesCo2eq: 6 },
    ],
    additional: { totalTonnesCo2eq: 2.1, tonnesCo2eqPerFte: 0.31, byCategory: [{ category: 'commuting', tonnesCo2eq: 1.4 }, { category: 'food', tonnesCo2eq: 0.7 }] },
    itFocus: {
      tonnesCo2eq: 1.5,
      byEmissionType: [
        { emissionType: 'equipment__it', tonnesCo2eq: 1 },
        { emissionType: 'external__clouds__calcul', tonnesCo2eq: 0.3 },
        { emissionType: 'external__clouds__stockage', tonnesCo2eq: 0.2 },
      ],
    },
    uncertainty: {
      sigmaTonnesCo2eq: 0.5,
      halfWidth95TonnesCo2eq: 0.98,
      low95TonnesCo2eq: 9.3842,
      high95TonnesCo2eq: 11.3442,
      byModule: [
        { module: 'equipment', sigmaTonnesCo2eq: 0.2712, halfWidth95TonnesCo2eq: 0.5316 },
        { module: 'process-emissions', sigmaTonnesCo2eq: 0.42, halfWidth95TonnesCo2eq: 0.8232 },
      ],
      byFactor: [
        { factorId: '8a4c2f0e-1d3b-4c5a-9e6f-7a8b9c0d1e2f', module: 'process-emissions', label: 'process-emissions/gases · CO2', source: 'IPCC AR5', tonnesCo2eq: 6, relativeUncertainty: 0.07, basis: 'factor', sigmaTonnesCo2eq: 0.42, varianceShare: 0.7056 },
        { factorId: null, module: 'equipment', label: 'equipment__it', source: null, tonnesCo2eq: 4.3642, relativeUncertainty: 0.0621, basis: 'tag', sigmaTonnesCo2eq: 0.2712, varianceShare: 0.2944 },
      ],
    },
    ...overrides,
  });
}

export const provisionalFixture = () =>
  resultsFixture({
    provisional: true,
    modules: ['headcount', 'professional-travel', 'equipment', 'process-emissions'],
    totalTonnesCo2eq: 18.2,
    byModule: [
      ...resultsFixture().byModule,
      { module: 'professional-travel', status: 'in_progress', tonnesCo2eq: 7.8358, previousTonnesCo2eq: null, changePercent: null },
    ],
  });

export const evolutionFixture = Evolution.parse({
  unit: 'LAB-CARBON',
  years: [
    { year: 2024, totalTonnesCo2eq: 15.7, validatedModules: ['equipment', 'process-emissions'], byModule: [{ module: 'equipment', tonnesCo2eq: 5 }, { module: 'process-emissions', tonnesCo2eq: 10.7 }] },
    { year: 2025, totalTonnesCo2eq: 10.3642, validatedModules: ['headcount', 'equipment', 'process-emissions'], byModule: [{ module: 'headcount', tonnesCo2eq: 0 }, { module: 'equipment', tonnesCo2eq: 4.3642 }, { module: 'process-emissions', tonnesCo2eq: 6 }] },
  ],
});

export const trajectoryFixture = Trajectory.parse({
  unit: 'LAB-CARBON',
  year: 2025,
  goals: [
    {
      label: 'Minus 30 % by 2026',
      referenceYear: 2024,
      targetYear: 2026,
      reductionPercent: 30,
      referenceTonnesCo2eq: 15.7,
      targetTonnesCo2eq: 10.99,
      path: [{ year: 2024, tonnesCo2eq: 15.7 }, { year: 2025, tonnesCo2eq: 13.345 }, { year: 2026, tonnesCo2eq: 10.99 }],
      actual: [{ year: 2024, tonnesCo2eq: 15.7 }, { year: 2025, tonnesCo2eq: 10.3642 }],
      verdict: 'on_track',
      latest: { year: 2025, tonnesCo2eq: 10.3642, allowedTonnesCo2eq: 13.345, gapTonnesCo2eq: -2.9808 },
    },
  ],
});

export const benchmarkFixture = Benchmark.parse({ unit: 'LAB-CARBON', year: 2025, tonnesCo2eqPerFte: 1.5241, institution: null, objectiveTonnesCo2eqPerFte: 1.9625 });

/** Every route the dashboard page calls for LAB-CARBON 2025, answered with the fixtures. */
export function dashboardRoutes(unit: unknown) {
  const base = '/api/v1/units/LAB-CARBON';
  return {
    [`GET ${base}`]: { body: unit },
    [`GET ${base}/years/2025/results`]: { body: resultsFixture() },
    [`GET ${base}/years/2025/results?provisional=true`]: { body: provisionalFixture() },
    [`GET ${base}/results/evolution`]: { body: evolutionFixture },
    [`GET ${base}/years/2025/trajectory`]: { body: trajectoryFixture },
    [`GET ${base}/years/2025/benchmark`]: { body: benchmarkFixture },
  };
}
