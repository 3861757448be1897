// Background jobs and CSV imports: the job a user action starts, its pipeline (import → recalculation →
// aggregation), live progress and the import report.
import { MODULES, SUBMODULE_KEYS, type ModuleKey, type SubmoduleKey } from './modules/index.js';
import { z } from './zod.js';

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'aborted'] as const;
export const JobState = z.enum(JOB_STATES).openapi('JobState');
export type JobState = z.infer<typeof JobState>;
export const isTerminalJobState = (s: JobState) => s === 'succeeded' || s === 'failed' || s === 'aborted';
/** What `POST /jobs/{id}/abort` and `…/retry` accept (otherwise 409). */
export const canAbortJob = (s: JobState) => s === 'queued' || s === 'running';
export const canRetryJob = (s: JobState) => s === 'failed' || s === 'aborted';

/** What an upload is: entry data of a module, emission factors, or reference data (locations, rooms, units…). */
export const IMPORT_KINDS = ['data', 'factors', 'reference'] as const;
export const ImportKind = z.enum(IMPORT_KINDS).openapi('ImportKind');
export type ImportKind = z.infer<typeof ImportKind>;

/** Entry-data formats (the reference's `*_data.csv` / unit templates). */
export const DATA_IMPORT_FORMATS = [
  'headcount-members',
  'headcount-students',
  'travel-planes',
  'travel-trains',
  'building-rooms',
  'building-combustion',
  'equipment',
  'purchases',
  'purchases-centralised',
  'external-cloud',
  'external-ai',
  'process-gases',
  'research-facilities',
  'animal-facilities',
] as const;
export const DataImportFormat = z.enum(DATA_IMPORT_FORMATS).openapi('DataImportFormat');
export type DataImportFormat = z.infer<typeof DataImportFormat>;

/** Reference-data formats (administrators). */
export const REFERENCE_IMPORT_KINDS = ['locations', 'building-rooms', 'units', 'fx-rates', 'price-index'] as const;
export const ReferenceImportKind = z.enum(REFERENCE_IMPORT_KINDS).openapi('ReferenceImportKind');
export type ReferenceImportKind = z.infer<typeof ReferenceImportKind>;

/** per-year: all units of a year, replaces the earlier per-year rows (administrators); unit-specific: appends to one unit (its principal). */
export const IMPORT_MODES = ['per-year', 'unit-specific'] as const;
export const ImportMode = z.enum(IMPORT_MODES).openapi('ImportMode');
export type ImportMode = z.infer<typeof ImportMode>;

const Submodule = z.enum(SUBMODULE_KEYS as [SubmoduleKey, ...SubmoduleKey[]]);
const Module = z.enum(Object.keys(MODULES) as [ModuleKey, ...ModuleKey[]]);
const Year = z.coerce.number().int().min(2000).max(2100);
const Flag = z.preprocess((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' || v === '' ? false : v), z.boolean());
const UnitCode = z.string().trim().min(1).max(64);

/**
 * The form fields of `POST /api/v1/imports` (multipart, besides the `file` part). `format` names the data
 * format (kind `data`) or the reference kind (kind `reference`); factor imports name the `submodule` (or the
 * `module` of a routed module-wide file).
 */
export const CreateImportFields = z
  .strictObject({
    kind: ImportKind,
    format: z.string().trim().min(1).max(64).optional(),
    mode: ImportMode.optional(),
    year: Year.optional(),
    unitCode: UnitCode.optional(),
    submodule: Submodule.optional(),
    /** Factor files of a whole module whose routing column names each row's submodule (equipment, purchases). */
    module: Module.optional(),
    dryRun: Flag.default(false),
  })
  .superRefine((f, ctx) => {
    const need = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    if (f.kind === 'data') {
      if (!f.format) need('format', `is required for data imports (one of ${DATA_IMPORT_FORMATS.join(', ')})`);
      else if (!(DATA_IMPORT_FORMATS as readonly string[]).includes(f.format)) need('format', `must be one of ${DATA_IMPORT_FORMATS.join(', ')}`);
      if (!f.mode) need('mode', 'is required for data imports (per-year or unit-specific)');
      if (f.year === undefined) need('year', 'is required for data imports');
      if (f.mode === 'unit-specific' && !f.unitCode) need('unitCode', 'is required for unit-specific imports');
      if (f.mode === 'per-year' && f.unitCode) need('unitCode', 'must be absent for per-year imports (the file names the units)');
    } else if (f.kind === 'factors') {
      if (f.year === undefined) need('year', 'is required for factor imports');
      if (!f.submodule && !f.module) need('submodule', 'is required for factor imports (or `module` for a file whose routing column names the submodule)');
      if (f.submodule && f.module) need('module', 'give either submodule or module');
    } else if (f.kind === 'reference') {
      if (!f.format) need('format', `is required for reference imports (one of ${REFERENCE_IMPORT_KINDS.join(', ')})`);
      else if (!(REFERENCE_IMPORT_KINDS as readonly string[]).includes(f.format)) need('format', `must be one of ${REFERENCE_IMPORT_KINDS.join(', ')}`);
    }
  })
  .openapi('CreateImportFields');
export type CreateImportFields = z.infer<typeof CreateImportFields>;

/** Live progress of a job (written at most 4 times a second). */
export const JobProgress = z
  .object({
    /** e.g. `validating`, `staging`, `applying`, `recalculating`, `aggregating`. */
    phase: z.string().optional(),
    rowsRead: z.number().int().optional(),
    accepted: z.number().int().optional(),
    rejected: z.number().int().optional(),
    bytesRead: z.number().int().optional(),
    /** Size of the uploaded file: with `bytesRead`, a percentage while the row total is unknown. */
    bytesTotal: z.number().int().optional(),
    /** 0–100 when it can be known. */
    percent: z.number().min(0).max(100).optional(),
  })
  .loose()
  .openapi('JobProgress');
export type JobProgress = z.infer<typeof JobProgress>;

const CellIssue = z.object({ column: z.string().optional(), message: z.string() });
const RowReport = z.object({ line: z.number().int(), issues: z.array(CellIssue) });

/** The report of an import: its outcome and every rejected row (first 1,000) with its line and reason. */
export const ImportReport = z
  .object({
    status: z.enum(['success', 'warning', 'error']),
    format: z.string(),
    encoding: z.string().nullable(),
    columns: z.array(z.string()),
    fileError: z.object({ code: z.string(), message: z.string(), line: z.number().int().optional() }).nullable(),
    rows: z.object({ read: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), notices: z.number().int() }),
    rejected: z.array(RowReport),
    notices: z.array(RowReport),
    accepted: z.record(z.string(), z.number().int()),
  })
  .openapi('ImportReport');
export type ImportReport = z.infer<typeof ImportReport>;

/** What the job works on, for lists and titles (never the stored file path). */
export const JobParams = z
  .object({
    kind: z.string().optional(),
    format: z.string().optional(),
    mode: z.string().optional(),
    year: z.number().int().optional(),
    unitCode: z.string().optional(),
    submodule: z.string().optional(),
    module: z.string().optional(),
    dryRun: z.boolean().optional(),
    fileName: z.string().optional(),
  })
  .openapi('JobParams');
export type JobParams = z.infer<typeof JobParams>;

export const Job = z
  .object({
    id: z.uuid(),
    pipelineId: z.uuid().nullable(),
    type: z.string(),
    state: JobState,
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    params: JobParams,
    progress: JobProgress,
    /** The import report when the job is an import that has finished (or failed with a report). */
    report: ImportReport.nullable(),
    /** The handler's result (counts, stale factors, …); shape depends on `type`. */
    result: z.unknown().nullable(),
    error: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Job');
export type Job = z.infer<typeof Job>;

export const JobPage = z
  .object({ items: z.array(Job), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .openapi('JobPage');
export type JobPage = z.infer<typeof JobPage>;

export const ListJobsQuery = z.strictObject({
  state: JobState.optional(),
  type: z.string().trim().min(1).max(64).optional(),
  pipelineId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListJobsQuery = z.infer<typeof ListJobsQuery>;

export const JobPathParams = z.object({ id: z.uuid() });
export const PipelinePathParams = z.object({ id: z.uuid() });

/** A pipeline: the jobs of one user action. `state` sums them up; `phase` is the furthest step reached. */
export const Pipeline = z
  .object({
    id: z.uuid(),
    state: z.enum(['queued', 'running', 'succeeded', 'warning', 'failed', 'aborted']),
    phase: z.enum(['import', 'recalculation', 'aggregation', 'done']),
    jobs: z.array(Job),
  })
  .openapi('Pipeline');
export type Pipeline = z.infer<typeof Pipeline>;

export const ImportAccepted = z.object({ job: Job, pipelineId: z.uuid() }).openapi('ImportAccepted');
export type ImportAccepted = z.infer<typeof ImportAccepted>;

/** What can be imported, for upload forms. */
export const ImportCatalogue = z
  .object({
    maxUploadBytes: z.number().int(),
    data: z.array(z.object({ format: DataImportFormat, targets: z.array(z.string()), modes: z.array(ImportMode) })),
    factors: z.array(z.object({ submodule: z.string() })),
    reference: z.array(z.object({ kind: ReferenceImportKind })),
  })
  .openapi('ImportCatalogue');
export type ImportCatalogue = z.infer<typeof ImportCatalogue>;

export const TemplateQuery = z
  .strictObject({
    kind: ImportKind,
    format: z.string().trim().min(1).max(64).optional(),
    mode: ImportMode.default('unit-specific'),
    submodule: Submodule.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'factors' && !q.submodule) ctx.addIssue({ code: 'custom', path: ['submodule'], message: 'is required for factor templates' });
    if (q.kind !== 'factors' && !q.format) ctx.addIssue({ code: 'custom', path: ['format'], message: 'is required for data and reference templates' });
  });
export type TemplateQuery = z.infer<typeof TemplateQuery>;

/** A Server-Sent Events stream (`text/event-stream`): `event: job` with a `Job` as data, until a terminal state. */
export const JobEventStream = z.string().openapi('JobEventStream', {
  description: '`event: job` / `data: <Job JSON>` at most 4 times a second while the job changes; `: ping` comments every 15 s; the stream ends after the terminal state.',
});

const clampPercent = (n: number) => Math.round(Math.min(100, Math.max(0, n)));

/** A job's progress 0–100, or null while it cannot be known (an indeterminate bar). */
export function jobPercent(job: Pick<Job, 'state' | 'progress'>): number | null {
  if (job.state === 'succeeded') return 100;
  const { percent, bytesRead, bytesTotal } = job.progress;
  if (percent !== undefined) return clampPercent(percent);
  if (bytesRead !== undefined && bytesTotal) return clampPercent((bytesRead / bytesTotal) * 100);
  return null;
}

/** A job's outcome as a user reads it: an import that ran but applied nothing is `rejected`, one that dropped rows `warning`. */
export type JobOutcome = JobState | 'warning' | 'rejected';

export function jobOutcome(job: Pick<Job, 'state' | 'report'>): JobOutcome {
  if (job.state !== 'succeeded' || !job.report) return job.state;
  if (job.report.status === 'error') return 'rejected';
  return job.report.status === 'warning' ? 'warning' : 'succeeded';
}

/** One line per problem of a report's rejected (or noticed) rows, for tables; a row without issues keeps one line. */
export interface ReportIssueRow {
  key: string;
  line: number;
  column: string;
  message: string;
}

export function reportIssueRows(rows: readonly { line: number; issues: readonly { column?: string | undefined; message: string }[] }[]): ReportIssueRow[] {
  return rows.flatMap((row) =>
    (row.issues.length ? row.issues : [{ message: '' }]).map((issue, i) => ({ key: `${row.line}-${i}`, line: row.line, column: issue.column ?? '—', message: issue.message })),
  );
}

/** One job runner (one per core-api process) as the operations page shows it. */
export const Worker = z
  .object({
    owner: z.string(),
    version: z.string(),
    hostname: z.string(),
    pid: z.number().int(),
    startedAt: z.string(),
    /** Seconds since its last poll (it beats every poll interval, 10 s by default). */
    heartbeatAgeSeconds: z.number(),
    /** Running jobs whose lease it holds. */
    jobsHeld: z.number().int(),
  })
  .openapi('Worker');
export type Worker = z.infer<typeof Worker>;

/** `GET /api/v1/workers`: the job runners registered, and the versions they run (more than one: a rollout is under way or stuck). */
export const WorkerList = z
  .object({ workers: z.array(Worker), versions: z.array(z.string()), mixedVersions: z.boolean() })
  .openapi('WorkerList');
export type WorkerList = z.infer<typeof WorkerList>;
