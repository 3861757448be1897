// A stored job as the API shows it: what it works on (never the stored file path or the actor), live progress
// with a percentage when it can be known, and the import report when there is one.
import { ImportReport, isTerminalJobState, type Job, type JobParams, type JobProgress, type Pipeline } from '@co2/contracts';
import type { JobView } from '../../repositories/job-query.repository.js';

const KIND_OF_TYPE: Record<string, string> = { 'data-import': 'data', 'factor-import': 'factors', 'reference-import': 'reference' };

function paramsOf(view: JobView): JobParams {
  const p = view.payload;
  const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
  const kind = KIND_OF_TYPE[view.type];
  return {
    ...(kind ? { kind } : {}),
    ...(str('format') ? { format: str('format') } : str('kind') ? { format: str('kind') } : {}),
    ...(str('mode') ? { mode: str('mode') } : {}),
    ...(typeof p.year === 'number' ? { year: p.year } : {}),
    ...(str('unitCode') ? { unitCode: str('unitCode') } : {}),
    ...(str('submodule') ? { submodule: str('submodule') } : {}),
    ...(str('module') ? { module: str('module') } : {}),
    ...(typeof p.dryRun === 'boolean' ? { dryRun: p.dryRun } : {}),
    ...(view.fileName ? { fileName: view.fileName } : {}),
  };
}

function progressOf(view: JobView): JobProgress {
  const progress: JobProgress = { ...(view.progress as JobProgress) };
  if (view.fileSize !== null && view.fileSize > 0) progress.bytesTotal = view.fileSize;
  if (view.state === 'succeeded') progress.percent = 100;
  else if (typeof progress.percent !== 'number' && typeof progress.bytesRead === 'number' && progress.bytesTotal) {
    // Reading the file is most of the work; the apply that follows is shown as 99 %.
    progress.percent = Math.min(99, Math.floor((progress.bytesRead / progress.bytesTotal) * 100));
  }
  return progress;
}

function reportOf(result: unknown): ImportReport | null {
  if (!result || typeof result !== 'object' || !('report' in result)) return null;
  const parsed = ImportReport.safeParse((result as { report: unknown }).report);
  return parsed.success ? parsed.data : null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toJob(view: JobView): Job {
  return {
    id: view.id,
    pipelineId: view.pipelineId,
    type: view.type,
    state: view.state,
    attempts: view.attempts,
    maxAttempts: view.maxAttempts,
    params: paramsOf(view),
    progress: progressOf(view),
    report: reportOf(view.result),
    result: view.result ?? null,
    error: view.error,
    createdBy: view.createdBySubject,
    createdAt: iso(view.createdAt)!,
    startedAt: iso(view.startedAt),
    finishedAt: iso(view.finishedAt),
  };
}

const PHASE_OF_TYPE: Record<string, Pipeline['phase']> = { 'recalculate-emissions': 'recalculation', 'aggregate-report-totals': 'aggregation' };

/** A pipeline's overall state (the worst of its jobs, `warning` when an import kept only part of the file) and phase. */
export function toPipeline(id: string, jobs: Job[]): Pipeline {
  const states = new Set(jobs.map((j) => j.state));
  const done = jobs.every((j) => isTerminalJobState(j.state));
  const state: Pipeline['state'] = states.has('failed')
    ? 'failed'
    : states.has('aborted')
      ? 'aborted'
      : !done
        ? states.has('running') || jobs.some((j) => j.state === 'succeeded')
          ? 'running'
          : 'queued'
        : jobs.some((j) => j.report?.status === 'warning')
          ? 'warning'
          : 'succeeded';
  const active = jobs.filter((j) => !isTerminalJobState(j.state));
  const phaseOf = (j: Job) => PHASE_OF_TYPE[j.type] ?? 'import';
  const order: Pipeline['phase'][] = ['import', 'recalculation', 'aggregation'];
  const phase: Pipeline['phase'] = done ? 'done' : order.find((p) => active.some((j) => phaseOf(j) === p)) ?? 'import';
  return { id, state, phase, jobs };
}
