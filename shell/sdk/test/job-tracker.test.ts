// The import job tracker both remotes build their stores on: upload with progress → the job's events → its
// pipeline's next steps; a broken stream re-reads the job; abort and retry.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job, Pipeline } from '@co2/contracts';
import { createApiClient } from '../src/index.js';
import { createJobTracker } from '../src/job-tracker.js';
import { FakeEventSource, FakeXhr, fakeFetch } from '../src/testing.js';

const JOB = '11111111-1111-4111-8111-111111111111';
const NEXT = '33333333-3333-4333-8333-333333333333';
const PIPELINE = '22222222-2222-4222-8222-222222222222';
const job = (overrides: Partial<Job> = {}): Job => ({
  id: JOB, pipelineId: PIPELINE, type: 'data-import', state: 'queued', attempts: 0, maxAttempts: 3,
  params: { kind: 'data', format: 'travel-planes', mode: 'unit-specific', year: 2025, unitCode: 'LAB-CARBON', dryRun: false, fileName: 'trips.csv' },
  progress: {}, report: null, result: null, error: null, createdBy: 'p', createdAt: '2025-03-01T10:00:00.000Z', startedAt: null, finishedAt: null,
  ...overrides,
});
const ended = (overrides: Partial<Job> = {}) => job({ state: 'succeeded', startedAt: '2025-03-01T10:00:01.000Z', finishedAt: '2025-03-01T10:00:05.000Z', ...overrides });
const pipeline = (jobs: Job[], state: Pipeline['state']): Pipeline => ({ id: PIPELINE, state, phase: state === 'running' ? 'recalculation' : 'done', jobs });
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});
afterEach(() => {
  vi.unstubAllGlobals();
  FakeEventSource.reset();
  FakeXhr.reset();
});

describe('createJobTracker', () => {
  it('when a file is uploaded, then progress shows, its job is followed to the end, then the pipeline’s next step until it ends', async () => {
    const recalculation = ended({ id: NEXT, type: 'recalculate-emissions', state: 'running', finishedAt: null, params: { year: 2025, submodule: 'professional-travel/plane' } });
    const api = createApiClient({
      fetch: fakeFetch({
        [`GET /api/v1/pipelines/${PIPELINE}`]: { body: pipeline([ended(), recalculation], 'running') },
      }),
    });
    const ends: string[] = [];
    const tracker = createJobTracker({ onUploaded: () => ends.push('uploaded'), onJobEnded: () => ends.push('ended') });
    const started = tracker.start(api, new FormData());
    FakeXhr.last().progress(10, 40);
    expect(tracker.upload.value).toEqual({ status: 'uploading', loaded: 10, total: 40 });
    FakeXhr.last().respond(202, { job: job(), pipelineId: PIPELINE });
    await started;
    expect(tracker.upload.value).toEqual({ status: 'idle' });
    expect(FakeEventSource.last().url).toBe(`/api/v1/jobs/${JOB}/events`);
    expect(ends).toEqual(['uploaded']);

    FakeEventSource.last().emit('job', job({ state: 'running', progress: { phase: 'staging' } }));
    expect(tracker.job.value?.progress).toEqual({ phase: 'staging' });
    FakeEventSource.last().emit('job', ended());
    await flush();
    expect(ends).toEqual(['uploaded', 'ended']);
    expect(tracker.pipeline.value?.jobs.map((j) => j.state)).toEqual(['succeeded', 'running']);
    expect(FakeEventSource.last().url).toBe(`/api/v1/jobs/${NEXT}/events`);
    FakeEventSource.last().emit('job', { ...recalculation, state: 'succeeded', finishedAt: '2025-03-01T10:00:09.000Z' });
    expect(tracker.pipeline.value?.jobs.map((j) => j.state)).toEqual(['succeeded', 'succeeded']);
  });

  it('when the event stream breaks, then the error shows and the job is read again', async () => {
    const api = createApiClient({ fetch: fakeFetch({ [`GET /api/v1/jobs/${JOB}`]: { body: job({ state: 'running', progress: { phase: 'applying' } }) } }) });
    const tracker = createJobTracker();
    tracker.follow(api, job());
    FakeEventSource.last().fail();
    await flush();
    expect(tracker.jobError.value).not.toBeNull();
    expect(tracker.job.value?.progress).toEqual({ phase: 'applying' });
  });

  it('aborts and retries the shown job; reset forgets it and closes its stream', async () => {
    const api = createApiClient({
      fetch: fakeFetch({
        [`POST /api/v1/jobs/${JOB}/abort`]: { body: ended({ state: 'aborted' }) },
        [`POST /api/v1/jobs/${JOB}/retry`]: { body: job() },
        [`GET /api/v1/pipelines/${PIPELINE}`]: { body: pipeline([ended({ state: 'aborted' })], 'aborted') },
      }),
    });
    const tracker = createJobTracker();
    tracker.follow(api, job());
    const first = FakeEventSource.last();
    await tracker.abort(api);
    expect(tracker.job.value?.state).toBe('aborted');
    await tracker.retry(api);
    expect(first.readyState).toBe(2);
    expect(tracker.job.value?.state).toBe('queued');
    const second = FakeEventSource.last();
    expect(second).not.toBe(first);
    tracker.reset();
    expect(second.readyState).toBe(2);
    expect([tracker.job.value, tracker.pipeline.value, tracker.jobError.value]).toEqual([null, null, null]);
  });
});
