import {
  CreateImportFields,
  ImportAccepted,
  ImportCatalogue,
  Job,
  JobEventStream,
  JobPage,
  JobPathParams,
  ListJobsQuery,
  Pipeline,
  PipelinePathParams,
  TemplateQuery,
  WorkerList,
} from '../jobs.js';
import { z } from '../zod.js';
import { defineRoute } from './route.js';

const tags = ['imports and jobs'];

/** The multipart form as documented: the fields plus the file part. */
const ImportUploadForm = z
  .object({
    ...CreateImportFields.shape,
    file: z.string().openapi({ type: 'string', format: 'binary', description: 'The CSV file (comma-separated, UTF-8 or latin-1)' }),
  })
  .openapi('ImportUploadForm');

export const createImport = defineRoute({
  operationId: 'createImport',
  method: 'post',
  path: '/api/v1/imports',
  auth: 'user',
  summary:
    'Uploads a CSV (multipart/form-data) and starts its import job: 202 with the job and pipeline ids. Administrators run per-year data, factor and reference imports; principals run unit-specific (append) imports for their own unit. `dryRun` validates the whole file and writes nothing. Size limit: `maxUploadBytes` of the catalogue (default 100 MB).',
  tags,
  request: { body: ImportUploadForm, bodyContentType: 'multipart/form-data' },
  errors: [403, 404, 413, 415, 422],
  response: { status: 202, description: 'The queued import job', schema: ImportAccepted },
});

export const getImportCatalogue = defineRoute({
  operationId: 'getImportCatalogue',
  method: 'get',
  path: '/api/v1/imports/catalogue',
  auth: 'user',
  summary: 'What can be imported: data formats with their target submodules and modes, factor submodules, reference kinds, and the upload size limit',
  tags,
  response: { status: 200, description: 'The catalogue', schema: ImportCatalogue },
});

export const getImportTemplate = defineRoute({
  operationId: 'getImportTemplate',
  method: 'get',
  path: '/api/v1/imports/template',
  auth: 'user',
  summary: 'The CSV template of a format (header in the reference’s column order and one example row, UTF-8 with BOM)',
  tags,
  request: { query: TemplateQuery },
  errors: [404],
  response: { status: 200, description: 'The template', schema: z.string(), contentType: 'text/csv' },
});

export const listJobs = defineRoute({
  operationId: 'listJobs',
  method: 'get',
  path: '/api/v1/jobs',
  auth: 'user',
  summary: 'Background jobs, newest first. Administrators see every job; other users the jobs they started.',
  tags,
  request: { query: ListJobsQuery },
  response: { status: 200, description: 'A page of jobs', schema: JobPage },
});

export const getJob = defineRoute({
  operationId: 'getJob',
  method: 'get',
  path: '/api/v1/jobs/{id}',
  auth: 'user',
  summary: 'One job with its progress, report and result',
  tags,
  request: { params: JobPathParams },
  errors: [404],
  response: { status: 200, description: 'The job', schema: Job },
});

export const streamJobEvents = defineRoute({
  operationId: 'streamJobEvents',
  method: 'get',
  path: '/api/v1/jobs/{id}/events',
  auth: 'user',
  summary: 'Live progress as Server-Sent Events: the job (state, phase, rows processed / total, rejected rows so far) at most 4 times a second, until it ends',
  tags,
  request: { params: JobPathParams },
  errors: [404],
  response: { status: 200, description: 'An event stream', schema: JobEventStream, contentType: 'text/event-stream' },
});

export const abortJob = defineRoute({
  operationId: 'abortJob',
  method: 'post',
  path: '/api/v1/jobs/{id}/abort',
  auth: 'user',
  summary: 'Aborts a queued or running job (a running import stops before it applies anything). 409 when the job has already ended.',
  tags,
  request: { params: JobPathParams },
  errors: [404, 409],
  response: { status: 200, description: 'The aborted job', schema: Job },
});

export const retryJob = defineRoute({
  operationId: 'retryJob',
  method: 'post',
  path: '/api/v1/jobs/{id}/retry',
  auth: 'user',
  summary: 'Queues a failed or aborted job again with a fresh attempt budget. 409 unless the job failed or was aborted.',
  tags,
  request: { params: JobPathParams },
  errors: [404, 409],
  response: { status: 200, description: 'The queued job', schema: Job },
});

export const getPipeline = defineRoute({
  operationId: 'getPipeline',
  method: 'get',
  path: '/api/v1/pipelines/{id}',
  auth: 'user',
  summary: 'The jobs of one user action (import → recalculation → aggregation), with an overall state and phase',
  tags,
  request: { params: PipelinePathParams },
  errors: [404],
  response: { status: 200, description: 'The pipeline', schema: Pipeline },
});

export const abortPipeline = defineRoute({
  operationId: 'abortPipeline',
  method: 'post',
  path: '/api/v1/pipelines/{id}/abort',
  auth: 'user',
  summary: 'Aborts every queued or running job of a pipeline',
  tags,
  request: { params: PipelinePathParams },
  errors: [404],
  response: { status: 200, description: 'The pipeline', schema: Pipeline },
});

export const listWorkers = defineRoute({
  operationId: 'listWorkers',
  method: 'get',
  path: '/api/v1/workers',
  auth: 'admin',
  summary: 'The job runners of the core-api processes: version, start, heartbeat age, jobs held; whether versions differ. Administrators only.',
  tags,
  response: { status: 200, description: 'The runners', schema: WorkerList },
});
