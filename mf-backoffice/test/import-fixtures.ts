// Contract-valid bodies of the import endpoints (checked in imports-fixtures.test.ts).
import type { ImportCatalogue, ImportReport, Job, Pipeline } from '@co2/contracts';

export const JOB_ID = '11111111-1111-4111-8111-111111111111';
export const PIPELINE_ID = '22222222-2222-4222-8222-222222222222';
export const RECALC_ID = '33333333-3333-4333-8333-333333333333';

export const catalogue: ImportCatalogue = {
  maxUploadBytes: 100 * 1024 * 1024,
  data: [
    { format: 'travel-planes', targets: ['professional-travel/plane'], modes: ['per-year', 'unit-specific'] },
    { format: 'equipment', targets: ['equipment/scientific', 'equipment/it', 'equipment/other'], modes: ['per-year', 'unit-specific'] },
    { format: 'purchases-centralised', targets: ['purchases/centralised'], modes: ['per-year'] },
  ],
  factors: [{ submodule: 'professional-travel/plane' }],
  reference: [{ kind: 'locations' }, { kind: 'fx-rates' }],
};

export function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    status: 'warning',
    format: 'travel-planes',
    encoding: 'utf-8',
    columns: ['origin', 'destination'],
    fileError: null,
    rows: { read: 3, accepted: 1, rejected: 2, notices: 0 },
    rejected: [
      { line: 3, issues: [{ column: 'origin', message: 'unknown airport "XXX"' }] },
      { line: 4, issues: [{ column: 'distance', message: 'must be a positive number' }, { message: 'duplicate row' }] },
    ],
    notices: [],
    accepted: { 'professional-travel/plane': 1 },
    ...overrides,
  };
}

export function job(overrides: Partial<Job> = {}): Job {
  return {
    id: JOB_ID,
    pipelineId: PIPELINE_ID,
    type: 'data-import',
    state: 'queued',
    attempts: 0,
    maxAttempts: 3,
    params: { kind: 'data', format: 'travel-planes', mode: 'unit-specific', year: 2025, unitCode: 'LAB-CARBON', dryRun: false, fileName: 'planes.csv' },
    progress: {},
    report: null,
    result: null,
    error: null,
    createdBy: 'admin',
    createdAt: '2025-03-01T10:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

export function pipeline(jobs: Job[], state: Pipeline['state'] = 'running'): Pipeline {
  return { id: PIPELINE_ID, state, phase: 'recalculation', jobs };
}

export const recalculation = (state: Job['state']): Job =>
  job({ id: RECALC_ID, type: 'recalculate-emissions', state, params: { year: 2025, submodule: 'professional-travel/plane' }, progress: { phase: 'recalculating' } });
