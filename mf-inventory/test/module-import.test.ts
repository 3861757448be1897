import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { FakeEventSource, FakeXhr, jsonResponse } from '@co2/shell-sdk/testing';
import InventoryModulePage from '../src/features/modules/InventoryModulePage.vue';
import { catalogue, job, JOB_ID, PIPELINE_ID, pipeline, principal, report } from './import-fixtures.js';
import { entriesUrl, mountPage, REPORT_URL, reportFixture, taxonomyUrl } from './support.js';

beforeEach(() => {
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  vi.unstubAllGlobals();
  FakeXhr.reset();
  FakeEventSource.reset();
});

const empty = { body: { items: [], total: 0, page: 1, pageSize: 25, sumKgCo2eq: 0 } };
const noTaxonomy = (submodule: string) => ({ body: { year: 2025, submodule, fields: {}, classifications: [] } });
const base = {
  'GET /api/v1/imports/catalogue': { body: catalogue },
  [`GET ${REPORT_URL}`]: { body: reportFixture() },
  [`GET ${entriesUrl('equipment/scientific')}`]: empty,
  [`GET ${entriesUrl('buildings/rooms')}`]: empty,
  [`GET ${taxonomyUrl('equipment/scientific')}`]: noTaxonomy('equipment/scientific'),
  [`GET ${taxonomyUrl('buildings/rooms')}`]: noTaxonomy('buildings/rooms'),
};
type Routes = Parameters<typeof mountPage>[1];

async function mountModule(module: string, routes: Routes = {}, context: Record<string, unknown> = { user: principal() }) {
  const mounted = mountPage(InventoryModulePage, { ...base, ...routes }, 'en', { context, props: { module } });
  await flushPromises();
  return mounted;
}

const text = (wrapper: VueWrapper, id: string) => wrapper.get(`[data-testid="${id}"]`).text();

async function openAndUpload(wrapper: VueWrapper, submodule = 'professional-travel/plane', fileName = 'trips.csv') {
  await wrapper.get(`[data-testid="import-action-${submodule}"]`).trigger('click');
  wrapper.findComponent({ name: 'QFile' }).vm.$emit('update:modelValue', new File(['origin,destination\n'], fileName));
  await flushPromises();
  await wrapper.get('form').trigger('submit');
  await flushPromises();
}

describe('InventoryModulePage — a principal imports a CSV for a submodule', () => {
  it('when the principal uploads, then the unit-specific form for the current unit and year goes up with progress and the job is followed to its report', async () => {
    const { wrapper } = await mountModule('professional-travel', { [`GET /api/v1/pipelines/${PIPELINE_ID}`]: { body: pipeline([job({ state: 'succeeded' })]) } });
    expect(wrapper.get('h1').text()).toBe('Professional travel');
    expect(wrapper.findAll('[data-testid^="submodule-"] h2').map((h) => h.text())).toEqual(['Plane trips', 'Train trips']);
    expect(text(wrapper, 'import-unavailable-professional-travel/train')).toBe('No CSV format fills this submodule.');

    const action = wrapper.get('[data-testid="import-action-professional-travel/plane"]');
    expect(action.attributes('aria-expanded')).toBe('false');
    await openAndUpload(wrapper);
    expect(action.attributes('aria-expanded')).toBe('true');
    expect(text(wrapper, 'import-scope')).toBe('Rows are appended to LAB-CARBON for 2025.');
    expect(text(wrapper, 'import-fills')).toBe('Format “Travel — plane trips”; a file fills: Plane trips.');
    expect(wrapper.get('[data-testid="import-template"]').attributes('href')).toBe('/api/v1/imports/template?kind=data&format=travel-planes&mode=unit-specific');

    const xhr = FakeXhr.last();
    expect(xhr.headers['X-CSRF']).toBe('1');
    const form = xhr.body as FormData;
    expect(Object.fromEntries([...form.entries()].filter(([k]) => k !== 'file'))).toEqual({
      kind: 'data', format: 'travel-planes', mode: 'unit-specific', year: '2025', unitCode: 'LAB-CARBON', dryRun: 'false',
    });
    xhr.progress(3, 4);
    await flushPromises();
    expect(text(wrapper, 'import-upload-progress-text')).toBe('Uploading the file — 75%');

    xhr.respond(202, { job: job(), pipelineId: PIPELINE_ID });
    await flushPromises();
    const source = FakeEventSource.last();
    expect(source.url).toBe(`/api/v1/jobs/${JOB_ID}/events`);
    source.emit('job', job({ state: 'running', progress: { phase: 'validating', percent: 55, rowsRead: 800, accepted: 799, rejected: 1 } }));
    await flushPromises();
    expect(wrapper.get('[data-testid="import-job-progress-bar"]').attributes('aria-valuenow')).toBe('0.55');
    expect(text(wrapper, 'import-job-progress-text')).toBe('Checking rows — 55% · 800 rows read, 799 accepted, 1 rejected');
    expect(wrapper.get('[data-testid="import-job-progress-live"]').attributes('role')).toBe('status');
    expect(text(wrapper, 'import-job-progress-live')).toBe('Checking rows 50%');

    source.emit('job', job({ state: 'succeeded', report: report() }));
    await flushPromises();
    expect(wrapper.find('[data-testid="import-job-progress-bar"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="import-state-warning"]').text()).toBe('With warnings');
    expect(text(wrapper, 'import-report-status')).toContain('1,502 rows read · 1,500 accepted · 2 rejected · 1 notices');
    expect(wrapper.findAll('[data-testid="import-rejected"] tbody tr').map((tr) => tr.findAll('th,td').map((c) => c.text()))).toEqual([
      ['7', 'destination', 'unknown airport "ZZZ"'],
      ['9', 'date', 'not a date'],
    ]);
    expect(wrapper.get('[data-testid="import-notices"] caption').text()).toBe('Notices (1)');
  });

  it('when the principal aborts, then abort is posted; when they retry, then the new attempt is followed', async () => {
    const { wrapper, fetch } = await mountModule('professional-travel', {
      [`POST /api/v1/jobs/${JOB_ID}/abort`]: { body: job({ state: 'aborted' }) },
      [`POST /api/v1/jobs/${JOB_ID}/retry`]: { body: job({ state: 'queued' }) },
      [`GET /api/v1/pipelines/${PIPELINE_ID}`]: () => Promise.resolve(jsonResponse(200, pipeline([job({ state: 'aborted' })], 'aborted'))),
    });
    await openAndUpload(wrapper);
    FakeXhr.last().respond(202, { job: job({ state: 'running' }), pipelineId: PIPELINE_ID });
    await flushPromises();
    await wrapper.get('[data-testid="import-abort"]').trigger('click');
    await flushPromises();
    expect(fetch.calls.find((c) => c.url.endsWith('/abort'))?.init).toMatchObject({ method: 'POST', headers: { 'X-CSRF': '1' } });
    expect(wrapper.find('[data-testid="import-state-aborted"]').exists()).toBe(true);
    await wrapper.get('[data-testid="import-retry"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="import-state-queued"]').exists()).toBe(true);
    expect(FakeEventSource.instances).toHaveLength(2);
  });

  it('when core-api refuses the upload, then the reason is explained with the fields it names', async () => {
    const { wrapper } = await mountModule('professional-travel');
    await openAndUpload(wrapper);
    FakeXhr.last().respond(403, { error: { code: 'forbidden', message: 'not the principal of LAB-CARBON', details: [{ path: 'body.unitCode', message: 'not yours' }] } });
    await flushPromises();
    expect(text(wrapper, 'import-error')).toContain('Only the unit’s principal can import files for it.');
    expect(text(wrapper, 'import-error')).toContain('not the principal of LAB-CARBON (forbidden)');
    expect(text(wrapper, 'import-error-details')).toBe('Unit: not yours');
  });

  it('when the principal asks for a dry run, then dryRun=true is sent and the report says what would happen', async () => {
    const { wrapper } = await mountModule('professional-travel', { [`GET /api/v1/pipelines/${PIPELINE_ID}`]: { body: pipeline([job({ state: 'succeeded' })]) } });
    await wrapper.get('[data-testid="import-action-professional-travel/plane"]').trigger('click');
    wrapper.findComponent({ name: 'QToggle' }).vm.$emit('update:modelValue', true);
    wrapper.findComponent({ name: 'QFile' }).vm.$emit('update:modelValue', new File(['a'], 'trips.csv'));
    await flushPromises();
    expect(text(wrapper, 'import-submit')).toBe('Check the file');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect((FakeXhr.last().body as FormData).get('dryRun')).toBe('true');
    FakeXhr.last().respond(202, { job: job({ params: { ...job().params, dryRun: true } }), pipelineId: PIPELINE_ID });
    await flushPromises();
    FakeEventSource.last().emit('job', job({ state: 'succeeded', params: { ...job().params, dryRun: true }, report: report({ status: 'success', rejected: [], notices: [], rows: { read: 4, accepted: 4, rejected: 0, notices: 0 } }) }));
    await flushPromises();
    expect(text(wrapper, 'import-report-status')).toContain('The file can be imported without problems · dry run: nothing was written');
    expect(wrapper.find('[data-testid="import-rejected"]').exists()).toBe(false);
  });

  it('when the picked file is not a CSV, then nothing is sent and the field says why', async () => {
    const { wrapper } = await mountModule('equipment');
    await openAndUpload(wrapper, 'equipment/scientific', 'list.xlsx');
    expect(FakeXhr.instances).toHaveLength(0);
    expect(wrapper.text()).toContain('Only .csv files can be imported');
    expect(text(wrapper, 'import-fills')).toBe('Format “Equipment”; a file fills: Scientific equipment, IT equipment, Other equipment.');
  });
});

describe('InventoryModulePage — who sees the action', () => {
  it('when the user is not the principal of the selected unit, then there is no import action and no catalogue call', async () => {
    const { wrapper, fetch } = await mountModule('professional-travel', {}, { user: principal('OTHER-LAB') });
    expect(wrapper.find('[data-testid^="import-action-"]').exists()).toBe(false);
    expect(fetch.calls.map((c) => c.url)).toEqual([REPORT_URL]);
  });

  it('when no year is selected, then the page says so and offers nothing to import', async () => {
    const { wrapper, fetch } = await mountModule('professional-travel', {}, { user: principal(), year: null });
    expect(text(wrapper, 'module-scope')).toBe('Unit LAB-CARBON, year —');
    expect(wrapper.find('[data-testid^="import-action-"]').exists()).toBe(false);
    expect(fetch.calls.map((c) => c.url)).not.toContain(REPORT_URL);
  });

  it('when the locale changes, then titles and submodule names follow', async () => {
    const { wrapper, context } = await mountModule('buildings');
    (context as { locale: string }).locale = 'fr';
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Bâtiments');
    expect(wrapper.findAll('[data-testid^="submodule-tab-"]').map((h) => h.text())).toEqual(['Locaux', 'Combustion', 'Énergie grise']);
  });
});
