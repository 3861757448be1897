// Contract-valid bodies of the import endpoints (checked in unit-import.test.ts).
import type { ImportCatalogue, ImportReport, Job, Pipeline } from '@co2/contracts';

export const JOB_ID = '11111111-1111-4111-8111-111111111111';
export const PIPELINE_ID = '22222222-2222-4222-8222-222222222222';

export const catalogue: ImportCatalogue = {
  maxUploadBytes: 100 * 1024 * 1024,
  data: [
    { format: 'travel-planes', targets: ['professional-travel/plane'], modes: ['per-year', 'unit-specific'] },
    { format: 'equipment', targets: ['equipment/scientific', 'equipment/it', 'equipment/other'], modes: ['per-year', 'unit-specific'] },
    { format: 'building-rooms', targets: ['buildings/rooms'], modes: ['per-year', 'unit-specific'] },
    { format: 'purchases-centralised', targets: ['purchases/centralised'], modes: ['per-year'] },
  ],
  factors: [],
  reference: [],
};

export const principal = (unit = 'LAB-CARBON') => ({ sub: 'p', name: 'Pat', email: null, roles: [`user.principal@unit:${unit}`], sessionExpiresAt: '2030-01-01T00:00:00Z' });

export function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    status: 'warning',
    format: 'travel-planes',
    encoding: 'utf-8',
    columns: ['origin', 'destination'],
    fileError: null,
    rows: { read: 1502, accepted: 1500, rejected: 2, notices: 1 },
    rejected: [
      { line: 7, issues: [{ column: 'destination', message: 'unknown airport "ZZZ"' }] },
      { line: 9, issues: [{ column: 'date', message: 'not a date' }] },
    ],
    notices: [{ line: 12, issues: [{ column: 'kg_co2eq', message: 'override used' }] }],
    accepted: { 'professional-travel/plane': 1500 },
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
    params: { kind: 'data', format: 'travel-planes', mode: 'unit-specific', year: 2025, unitCode: 'LAB-CARBON', dryRun: false, fileName: 'trips.csv' },
    progress: {},
    report: null,
    result: null,
    error: null,
    createdBy: 'p',
    createdAt: '2025-03-01T10:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

export function pipeline(jobs: Job[], state: Pipeline['state'] = 'succeeded'): Pipeline {
  return { id: PIPELINE_ID, state, phase: 'done', jobs };
}
