import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { FakeEventSource, FakeXhr, jsonResponse } from '@co2/shell-sdk/testing';
import BackofficeImportsPage from '../src/features/imports/BackofficeImportsPage.vue';
import { catalogue, job, JOB_ID, PIPELINE_ID, pipeline, RECALC_ID, recalculation, report } from './import-fixtures.js';
import { mountPage } from './support.js';

const admin = { sub: 'a', name: 'Ada Admin', email: null, roles: ['backoffice.admin@global'], sessionExpiresAt: '2030-01-01T00:00:00Z' };
const emptyPage = { items: [], total: 0, page: 1, pageSize: 20 };
const base = {
  'GET /api/v1/imports/catalogue': { body: catalogue },
  'GET /api/v1/jobs?page=1&pageSize=20': { body: emptyPage },
};

beforeEach(() => {
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  vi.unstubAllGlobals();
  FakeXhr.reset();
  FakeEventSource.reset();
});

async function mountImports(routes: Parameters<typeof mountPage>[1] = {}, props: Record<string, unknown> = {}, attach = false) {
  const mounted = mountPage(BackofficeImportsPage, { ...base, ...routes }, 'en', { context: { user: admin }, props, attach });
  await flushPromises();
  return mounted;
}

const text = (wrapper: VueWrapper, id: string) => wrapper.get(`[data-testid="${id}"]`).text();

async function fillAndSubmit(wrapper: VueWrapper) {
  wrapper.findComponent({ name: 'QSelect' }).vm.$emit('update:modelValue', 'travel-planes');
  wrapper.findComponent({ name: 'QFile' }).vm.$emit('update:modelValue', new File(['a,b\n1,2\n'], 'planes.csv', { type: 'text/csv' }));
  await flushPromises();
  await wrapper.get('form').trigger('submit');
  await flushPromises();
}

describe('BackofficeImportsPage — upload and live job', () => {
  it('when an admin uploads a file, then the form goes as multipart with CSRF, the upload bar follows the bytes sent, and the job is followed live', async () => {
    const { wrapper } = await mountImports({}, {}, true);
    expect(wrapper.find('[data-testid="import-template"]').exists()).toBe(false);
    wrapper.findComponent({ name: 'QSelect' }).vm.$emit('update:modelValue', 'travel-planes');
    await flushPromises();
    expect(wrapper.get('[data-testid="import-template"]').attributes('href')).toBe('/api/v1/imports/template?kind=data&format=travel-planes&mode=per-year');
    wrapper.get('[data-testid="import-mode"]').findComponent({ name: 'QOptionGroup' }).vm.$emit('update:modelValue', 'unit-specific');
    await flushPromises();
    expect(wrapper.get('[data-testid="import-template"]').attributes('href')).toContain('format=travel-planes&mode=unit-specific');
    wrapper.get('[data-testid="import-mode"]').findComponent({ name: 'QOptionGroup' }).vm.$emit('update:modelValue', 'per-year');
    await flushPromises();

    await fillAndSubmit(wrapper);
    const xhr = FakeXhr.last();
    expect(xhr.url).toBe('/api/v1/imports');
    expect(xhr.headers['X-CSRF']).toBe('1');
    const form = xhr.body as FormData;
    expect([...form.keys()]).toEqual(['kind', 'format', 'mode', 'year', 'dryRun', 'file']);
    expect(form.get('mode')).toBe('per-year');
    expect(form.get('year')).toBe('2025');
    expect((form.get('file') as File).name).toBe('planes.csv');

    xhr.progress(25, 100);
    await flushPromises();
    expect(wrapper.get('[data-testid="import-upload-progress-bar"]').attributes('aria-valuenow')).toBe('0.25');
    expect(text(wrapper, 'import-upload-progress-text')).toBe('Uploading the file — 25%');
    expect(wrapper.get('[data-testid="import-upload-progress-live"]').attributes('aria-live')).toBe('polite');
    xhr.progress(38, 100);
    await flushPromises();
    expect(text(wrapper, 'import-upload-progress-text')).toBe('Uploading the file — 38%');
    expect(text(wrapper, 'import-upload-progress-live')).toBe('Uploading the file 30%');

    xhr.respond(202, { job: job(), pipelineId: PIPELINE_ID });
    await flushPromises();
    expect(wrapper.find('[data-testid="import-uploading"]').exists()).toBe(false);
    expect(document.activeElement?.id).toBe(`import-job-title-${JOB_ID}`);
    const source = FakeEventSource.last();
    expect(source.url).toBe(`/api/v1/jobs/${JOB_ID}/events`);

    source.emit('job', job({ state: 'running', progress: { phase: 'staging', rowsRead: 1200, accepted: 1100, rejected: 100, bytesRead: 400, bytesTotal: 1000 } }));
    await flushPromises();
    expect(wrapper.find('[data-testid="import-state-running"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="import-job-progress-bar"]').attributes('aria-valuenow')).toBe('0.4');
    expect(text(wrapper, 'import-job-progress-text')).toBe('Reading and staging rows — 40% · 1,200 rows read, 1,100 accepted, 100 rejected');

    source.emit('job', job({ state: 'running', progress: { phase: 'applying', percent: 90 } }));
    await flushPromises();
    expect(text(wrapper, 'import-job-progress-text')).toContain('Applying — 90%');
    wrapper.unmount();
  });

  it('when the job ends with a warning report, then the report lists each rejected row with line, column and message, and the pipeline shows the recalculation', async () => {
    const pipelines = [pipeline([job({ state: 'succeeded' }), recalculation('running')]), pipeline([job({ state: 'succeeded' }), recalculation('succeeded')], 'succeeded')];
    const { wrapper, fetch } = await mountImports({
      [`GET /api/v1/pipelines/${PIPELINE_ID}`]: () => Promise.resolve(jsonResponse(200, pipelines.shift() ?? pipeline([job({ state: 'succeeded' }), recalculation('succeeded')], 'succeeded'))),
      [`GET /api/v1/jobs/${RECALC_ID}`]: { body: recalculation('succeeded') },
    });
    await fillAndSubmit(wrapper);
    FakeXhr.last().respond(202, { job: job(), pipelineId: PIPELINE_ID });
    await flushPromises();
    FakeEventSource.last().emit('job', job({ state: 'succeeded', report: report() }));
    await flushPromises();

    expect(FakeEventSource.instances[0]!.readyState).toBe(2);
    expect(wrapper.get('[data-testid="import-job"] h2').text()).toContain('With warnings');
    expect(text(wrapper, 'import-report-status')).toContain('Imported; some rows were rejected');
    expect(text(wrapper, 'import-report-status')).toContain('3 rows read · 1 accepted · 2 rejected · 0 notices');
    const rows = wrapper.findAll('[data-testid="import-rejected"] tbody tr').map((tr) => tr.findAll('th,td').map((c) => c.text()));
    expect(rows).toEqual([
      ['3', 'origin', 'unknown airport "XXX"'],
      ['4', 'distance', 'must be a positive number'],
      ['4', '—', 'duplicate row'],
    ]);
    expect(wrapper.get('[data-testid="import-rejected"] caption').text()).toBe('Rejected rows (2)');

    expect(fetch.calls.map((c) => c.url)).toContain(`/api/v1/pipelines/${PIPELINE_ID}`);
    expect(text(wrapper, 'import-pipeline-recalculate-emissions')).toContain('Emission recalculation');
    expect(wrapper.find('[data-testid="import-pipeline-abort"]').exists()).toBe(true);
    const recalcStream = FakeEventSource.last();
    expect(recalcStream.url).toContain('33333333-3333-4333-8333-333333333333');
    recalcStream.emit('job', recalculation('succeeded'));
    await flushPromises();
    expect(wrapper.get('[data-testid="import-pipeline-recalculate-emissions"]').find('[data-testid="import-state-succeeded"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="import-pipeline"] h3').text()).toContain('Succeeded');
    expect(FakeEventSource.instances).toHaveLength(2);

    await wrapper.get('[data-testid="import-pipeline-recalculate-emissions"] button').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="import-job"] h2').text()).toContain('Emission recalculation');
  });

  it('when the user aborts a running job and then retries it, then both calls are sent with CSRF and the panel follows the new attempt', async () => {
    const { wrapper, fetch } = await mountImports({
      [`POST /api/v1/jobs/${JOB_ID}/abort`]: { body: job({ state: 'aborted', error: 'aborted by the user' }) },
      [`POST /api/v1/jobs/${JOB_ID}/retry`]: { body: job({ state: 'queued', attempts: 0 }) },
      [`GET /api/v1/pipelines/${PIPELINE_ID}`]: { body: pipeline([job({ state: 'aborted' })], 'aborted') },
    });
    await fillAndSubmit(wrapper);
    FakeXhr.last().respond(202, { job: job(), pipelineId: PIPELINE_ID });
    await flushPromises();
    FakeEventSource.last().emit('job', job({ state: 'running', progress: { phase: 'staging' } }));
    await flushPromises();
    expect(wrapper.find('[data-testid="import-retry"]').exists()).toBe(false);

    await wrapper.get('[data-testid="import-abort"]').trigger('click');
    await flushPromises();
    const abort = fetch.calls.find((c) => c.url.endsWith('/abort'))!;
    expect(abort.init).toMatchObject({ method: 'POST', headers: { 'X-CSRF': '1' } });
    expect(wrapper.find('[data-testid="import-state-aborted"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="import-abort"]').exists()).toBe(false);
    expect(text(wrapper, 'import-job-failure')).toBe('aborted by the user');

    const streamsBefore = FakeEventSource.instances.length;
    await wrapper.get('[data-testid="import-retry"]').trigger('click');
    await flushPromises();
    expect(fetch.calls.some((c) => c.url.endsWith('/retry') && c.init.method === 'POST')).toBe(true);
    expect(wrapper.find('[data-testid="import-state-queued"]').exists()).toBe(true);
    expect(FakeEventSource.instances.length).toBe(streamsBefore + 1);
  });

  it('when core-api refuses the upload, then the error explains it and names the fields in the user language', async () => {
    const { wrapper, context } = await mountImports();
    await fillAndSubmit(wrapper);
    FakeXhr.last().respond(422, {
      error: { code: 'validation_failed', message: 'The import form is invalid', details: [{ path: 'body.year', message: 'is required for data imports' }, { path: 'body', message: 'only one file part' }] },
    });
    await flushPromises();
    const banner = wrapper.get('[data-testid="import-error"]');
    expect(banner.attributes('role')).toBe('alert');
    expect(banner.text()).toContain('Some fields are missing or invalid.');
    expect(banner.text()).toContain('The import form is invalid (validation_failed)');
    expect(wrapper.findAll('[data-testid="import-error-details"] li').map((li) => li.text())).toEqual(['Year: is required for data imports', 'body: only one file part']);
    (context as { locale: string }).locale = 'de';
    await flushPromises();
    expect(wrapper.get('[data-testid="import-error-details"]').text()).toContain('Jahr: is required');
  });

  it('when the file is not a CSV or fields are missing, then nothing is sent and the fields say why', async () => {
    const { wrapper } = await mountImports();
    wrapper.findComponent({ name: 'QFile' }).vm.$emit('update:modelValue', new File(['x'], 'photo.png'));
    await flushPromises();
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(FakeXhr.instances).toHaveLength(0);
    expect(wrapper.text()).toContain('Only .csv files can be imported');
    expect(wrapper.text()).toContain('Required');
  });

  it('when the catalogue cannot be loaded, then an alert with a retry replaces the form', async () => {
    const { wrapper } = await mountImports({ 'GET /api/v1/imports/catalogue': { status: 403, body: { error: { code: 'forbidden', message: 'admins only' } } } });
    expect(text(wrapper, 'import-error')).toContain('Your role does not allow this import.');
    expect(wrapper.find('[data-testid="import-upload"]').exists()).toBe(false);
  });

  it('when the page opens on a job link, then it loads that job and shows its report', async () => {
    const { wrapper } = await mountImports(
      {
        [`GET /api/v1/jobs/${JOB_ID}`]: { body: job({ state: 'failed', error: 'the file is empty', report: report({ status: 'error', fileError: { code: 'empty_file', message: 'The file is empty' }, rows: { read: 0, accepted: 0, rejected: 0, notices: 0 }, rejected: [] }) }) },
        [`GET /api/v1/pipelines/${PIPELINE_ID}`]: { body: pipeline([job({ state: 'failed' })], 'failed') },
      },
      { jobId: JOB_ID },
    );
    expect(text(wrapper, 'import-report-status')).toContain('Nothing was imported');
    expect(text(wrapper, 'import-report-file-error')).toBe('The file is empty');
    expect(wrapper.find('[data-testid="import-retry"]').exists()).toBe(true);
    expect(FakeEventSource.instances).toHaveLength(0);
  });
});

describe('BackofficeImportsPage — roles', () => {
  it('when the user is not a global administrator, then only unit data can be chosen, for their unit, and the page says why', async () => {
    const metier = { ...admin, roles: ['backoffice.metier@global', 'backoffice.admin@affiliation:ENV'] };
    const { wrapper } = mountPage(BackofficeImportsPage, base, 'en', { context: { user: metier } });
    await flushPromises();
    expect(text(wrapper, 'import-admin-only')).toContain('global administrator role');
    expect(wrapper.get('[data-testid="import-kind"]').findAll('[role="radio"]')).toHaveLength(1);
    expect(wrapper.get('[data-testid="import-mode"]').text()).toBe('One unit (appends rows)');
    expect((wrapper.get('[data-testid="import-unit"]').element as HTMLInputElement).value).toBe('LAB-CARBON');
    await fillAndSubmit(wrapper);
    expect((FakeXhr.last().body as FormData).get('unitCode')).toBe('LAB-CARBON');
    expect((FakeXhr.last().body as FormData).get('mode')).toBe('unit-specific');
  });
});

describe('BackofficeImportsPage — history', () => {
  it('when there is no job, then an empty state; when filtering by state, then the list is asked for that state', async () => {
    const { wrapper, fetch } = await mountImports({ 'GET /api/v1/jobs?page=1&pageSize=20&state=failed': { body: { items: [job({ state: 'failed', report: report() })], total: 1, page: 1, pageSize: 20 } } });
    expect(text(wrapper, 'import-history-empty')).toBe('No jobs yet. Imports you start appear here.');
    wrapper.get('[data-testid="import-history"]').findComponent({ name: 'QSelect' }).vm.$emit('update:modelValue', 'failed');
    await flushPromises();
    expect(fetch.calls.at(-1)?.url).toBe('/api/v1/jobs?page=1&pageSize=20&state=failed');
    const row = wrapper.get(`[data-testid="import-history-${JOB_ID}"]`);
    expect(row.text()).toContain('Data import');
    expect(row.text()).toContain('planes.csv · travel-planes · 2025 · LAB-CARBON');
    expect(row.text()).toContain('Failed');
    expect(row.text()).toContain('1 / 2');
  });

  it('when a job was a dry run, then its history row says nothing was written; a real import has no such mark', async () => {
    const dry = job({ state: 'succeeded', report: report(), params: { ...job().params, dryRun: true } });
    const real = job({ id: RECALC_ID, state: 'succeeded', report: report() });
    const { wrapper } = await mountImports({ 'GET /api/v1/jobs?page=1&pageSize=20': { body: { items: [dry, real], total: 2, page: 1, pageSize: 20 } } });
    expect(wrapper.get(`[data-testid="import-history-${JOB_ID}"] [data-testid="import-history-dry-run"]`).text()).toBe('Dry run: nothing written');
    expect(wrapper.find(`[data-testid="import-history-${RECALC_ID}"] [data-testid="import-history-dry-run"]`).exists()).toBe(false);
  });

  it('when there are more jobs than a page, then Next asks for the following page', async () => {
    const { wrapper, fetch } = await mountImports({
      'GET /api/v1/jobs?page=1&pageSize=20': { body: { items: [job()], total: 45, page: 1, pageSize: 20 } },
      'GET /api/v1/jobs?page=2&pageSize=20': { body: { items: [job({ state: 'failed' })], total: 45, page: 2, pageSize: 20 } },
    });
    expect(wrapper.get('[data-testid="import-history"]').text()).toContain('Page 1 of 3');
    await wrapper.get('[data-testid="import-history-next"]').trigger('click');
    await flushPromises();
    expect(fetch.calls.at(-1)?.url).toBe('/api/v1/jobs?page=2&pageSize=20');
    expect(wrapper.get('[data-testid="import-history"]').text()).toContain('Page 2 of 3');
  });

  it('when a pipeline is still running, then its follow-up jobs can be stopped', async () => {
    const { wrapper, fetch } = await mountImports(
      {
        [`GET /api/v1/jobs/${JOB_ID}`]: { body: job({ state: 'succeeded', report: report() }) },
        [`GET /api/v1/pipelines/${PIPELINE_ID}`]: { body: pipeline([job({ state: 'succeeded' }), recalculation('running')]) },
        [`POST /api/v1/pipelines/${PIPELINE_ID}/abort`]: { body: pipeline([job({ state: 'succeeded' }), recalculation('aborted')], 'aborted') },
      },
      { jobId: JOB_ID },
    );
    await wrapper.get('[data-testid="import-pipeline-abort"]').trigger('click');
    await flushPromises();
    expect(fetch.calls.at(-1)).toMatchObject({ url: `/api/v1/pipelines/${PIPELINE_ID}/abort`, init: { method: 'POST', headers: { 'X-CSRF': '1' } } });
    expect(wrapper.get('[data-testid="import-pipeline-recalculate-emissions"]').text()).toContain('Aborted');
    expect(wrapper.find('[data-testid="import-pipeline-abort"]').exists()).toBe(false);
  });

  it('when a history row is opened, then its job appears in the panel', async () => {
    const { wrapper } = await mountImports({
      'GET /api/v1/jobs?page=1&pageSize=20': { body: { items: [job({ state: 'running' })], total: 1, page: 1, pageSize: 20 } },
      [`GET /api/v1/jobs/${JOB_ID}`]: { body: job({ state: 'running', progress: { percent: 10 } }) },
    });
    expect(text(wrapper, 'import-job-empty')).toContain('Upload a file');
    await wrapper.get(`[data-testid="import-history-${JOB_ID}"] [data-testid="import-history-open"]`).trigger('click');
    await flushPromises();
    expect(text(wrapper, 'import-job-progress-text')).toContain('10%');
    expect(FakeEventSource.last().url).toBe(`/api/v1/jobs/${JOB_ID}/events`);
  });
});
