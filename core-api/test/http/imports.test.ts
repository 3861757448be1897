// CSV imports over HTTP on real PostgreSQL: multipart upload → 202 with job and pipeline → the in-process
// runner applies it → Server-Sent Events report progress until the end; permissions, refusals, abort/retry,
// templates and the catalogue.
import { Entry, ErrorBody, ImportAccepted, ImportCatalogue, Job, JobPage, Pipeline } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { seedEntryFixtures } from '../support/domain-fixtures.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const accounts = {
  admin: { sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] },
  principal: { sub: 'principal', name: 'Paula Principal', roles: ['user.principal@unit:LAB-CARBON'] },
  member: { sub: 'member', name: 'Max Member', roles: ['user.standard@unit:LAB-CARBON'] },
};
type Who = keyof typeof accounts;

const PLANES = ['origin_iata,destination_iata,user_institutional_id,departure_date,number_of_trips,cabin_class,note', 'GVA,CDG,123456,2025-03-10,1,economy,', 'CDG,GVA,123456,2025-03-12,2,economy,back'];

interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
}

/** Reads a whole event stream (until the server ends it). */
async function readEvents(res: Response): Promise<SseEvent[]> {
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '' && !block.startsWith(':'))
    .map((block) => Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)])) as SseEvent);
}

describe('CSV imports over HTTP', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  let idle: RunningApi; // no job runner: jobs stay queued (abort/retry); event streams look at the row only when told
  const token = (who: Who) => issuer.mint(accounts[who]);

  const upload = async (target: RunningApi, who: Who, fields: Record<string, string>, file: { name: string; content: string | Uint8Array; type?: string } | null, extra?: (form: FormData) => void) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append('file', new Blob([file.content], { type: file.type ?? 'text/csv' }), file.name);
    extra?.(form);
    return fetch(`${target.url}/api/v1/imports`, { method: 'POST', headers: { authorization: `Bearer ${await token(who)}` }, body: form });
  };
  const unitPlanes = { kind: 'data', format: 'travel-planes', mode: 'unit-specific', year: '2025', unitCode: 'LAB-CARBON' };
  const expectError = async (res: Response, status: number, code: string) => {
    expect(res.status, await res.clone().text()).toBe(status);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe(code);
    return body.error;
  };
  const planeEntries = async () =>
    Number((await api.database.pool.query(`SELECT count(*) AS n FROM entries WHERE submodule = 'professional-travel/plane'`)).rows[0].n);

  beforeAll(async () => {
    issuer = await startTestIssuer();
    [api, idle] = await Promise.all([startApi({ issuer: issuer.issuer, runJobs: true }), startApi({ issuer: issuer.issuer, env: { UPLOAD_MAX_BYTES: '4096', JOB_EVENTS_RECHECK_MS: '60000' } })]);
    await Promise.all([seedEntryFixtures(api.database.pool), seedEntryFixtures(idle.database.pool)]);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), idle?.close()]);
    await issuer?.close();
  });

  it('when a principal uploads a unit CSV, then 202 gives the job, the event stream follows it to success and the rows are applied', async () => {
    const res = await upload(api, 'principal', unitPlanes, { name: 'flights.csv', content: PLANES.join('\n') });
    expect(res.status, await res.clone().text()).toBe(202);
    const accepted = ImportAccepted.parse(await res.json());
    expect(res.headers.get('location')).toBe(`/api/v1/jobs/${accepted.job.id}`);
    expect(accepted.job).toMatchObject({ type: 'data-import', pipelineId: accepted.pipelineId, params: { kind: 'data', format: 'travel-planes', unitCode: 'LAB-CARBON', year: 2025, fileName: 'flights.csv', dryRun: false } });

    const stream = await fetch(`${api.url}/api/v1/jobs/${accepted.job.id}/events`, { headers: { authorization: `Bearer ${await token('principal')}` } });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('cache-control')).toMatch(/no-cache/);
    const events = (await readEvents(stream)).filter((e) => e.event === 'job');
    const jobs = events.map((e) => Job.parse(JSON.parse(e.data!)));
    const last = jobs.at(-1)!;
    expect(last.state).toBe('succeeded');
    expect(last.progress.percent).toBe(100);
    expect(last.report).toMatchObject({ status: 'success', rows: { read: 2, accepted: 2, rejected: 0 } });
    // at most 4 updates a second: the server stamps each event when it sends it; consecutive ones are ≥ 250 ms apart
    const stamps = events.map((e) => Number(e.id));
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! - stamps[i - 1]!).toBeGreaterThanOrEqual(250);
    expect(await planeEntries()).toBe(2);

    const job = Job.parse(await (await api.get(`/api/v1/jobs/${accepted.job.id}`, { token: await token('principal') })).json());
    expect(job).toMatchObject({ state: 'succeeded', createdBy: 'principal', attempts: 1 });
    const pipeline = Pipeline.parse(await (await api.get(`/api/v1/pipelines/${accepted.pipelineId}`, { token: await token('principal') })).json());
    expect(pipeline.jobs[0]!.id).toBe(job.id);
    expect(['succeeded', 'running', 'queued']).toContain(pipeline.state); // chained jobs may still run
  });

  it('when the upload is a dry run, then the report is complete and nothing is written', async () => {
    const before = await planeEntries();
    const bad = [...PLANES, 'GVA,CDG,123456,2025-03-10,-1,economy,', 'GVA,CDG,123456,not-a-date,1,economy,'];
    const res = await upload(api, 'principal', { ...unitPlanes, dryRun: 'true' }, { name: 'check.csv', content: bad.join('\n') });
    expect(res.status).toBe(202);
    const { job } = ImportAccepted.parse(await res.json());
    const stream = await fetch(`${api.url}/api/v1/jobs/${job.id}/events`, { headers: { authorization: `Bearer ${await token('principal')}` } });
    const last = Job.parse(JSON.parse((await readEvents(stream)).filter((e) => e.event === 'job').at(-1)!.data!));
    expect(last).toMatchObject({ state: 'succeeded', params: { dryRun: true }, report: { status: 'warning', rows: { read: 4, accepted: 2, rejected: 2 } } });
    expect(last.report!.rejected.map((r) => [r.line, r.issues[0]!.column])).toEqual([
      [4, 'number_of_trips'],
      [5, 'departure_date'],
    ]);
    expect(await planeEntries()).toBe(before);
  });

  it('refuses imports the caller may not run: per-year, factors and reference are for administrators; a unit import for its principals', async () => {
    const csv = { name: 'x.csv', content: PLANES.join('\n') };
    await expectError(await upload(api, 'principal', { kind: 'data', format: 'travel-planes', mode: 'per-year', year: '2025' }, csv), 403, 'forbidden');
    await expectError(await upload(api, 'principal', { kind: 'factors', submodule: 'professional-travel/plane', year: '2025' }, csv), 403, 'forbidden');
    await expectError(await upload(api, 'principal', { kind: 'reference', format: 'locations' }, csv), 403, 'forbidden');
    await expectError(await upload(api, 'member', unitPlanes, csv), 403, 'forbidden');
    await expectError(await upload(api, 'principal', { ...unitPlanes, unitCode: 'LAB-ICE' }, csv), 404, 'not_found');
    await expectError(await upload(api, 'admin', { ...unitPlanes, unitCode: 'NOPE' }, csv), 404, 'not_found');
    const uploads = await api.database.pool.query('SELECT count(*)::int AS n FROM upload_files WHERE completed_at IS NULL');
    expect(uploads.rows[0].n).toBe(0); // refused before any byte was stored
  });

  it('answers bad forms with 400 naming the field, and non-CSV files with 415', async () => {
    const csv = { name: 'x.csv', content: PLANES.join('\n') };
    const missing = await expectError(await upload(api, 'principal', { kind: 'data', format: 'travel-planes', mode: 'unit-specific', unitCode: 'LAB-CARBON' }, csv), 400, 'validation_failed');
    expect(missing.details).toEqual([{ path: 'body.year', message: 'is required for data imports' }]);
    const format = await expectError(await upload(api, 'principal', { ...unitPlanes, format: 'rockets' }, csv), 400, 'validation_failed');
    expect(format.details![0]!.path).toBe('body.format');
    const noFile = await expectError(await upload(api, 'principal', unitPlanes, null), 400, 'validation_failed');
    expect(noFile.details![0]!.path).toBe('body.file');
    const late = await expectError(await upload(api, 'principal', unitPlanes, csv, (form) => form.append('dryRun', 'true')), 400, 'validation_failed');
    expect(late.message).toMatch(/before the file/);
    const xlsx = await expectError(await upload(api, 'principal', unitPlanes, { name: 'flights.xlsx', content: 'a,b' }), 415, 'unsupported_media_type');
    expect(xlsx.message).toMatch(/Only CSV files/);
    const zip = await expectError(await upload(api, 'principal', unitPlanes, { name: 'flights.csv', content: new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0]) }), 415, 'unsupported_media_type');
    expect(zip.message).toMatch(/ZIP archive/);
    const json = await fetch(`${api.url}/api/v1/imports`, { method: 'POST', headers: { authorization: `Bearer ${await token('principal')}`, 'content-type': 'application/json' }, body: '{}' });
    await expectError(json, 415, 'unsupported_media_type');
    const leftovers = await api.database.pool.query('SELECT count(*)::int AS n FROM upload_files f WHERE NOT EXISTS (SELECT 1 FROM data_ingestion_jobs j WHERE j.payload->>\'fileId\' = f.id::text)');
    expect(leftovers.rows[0].n).toBe(0);
  });

  it('when the file is larger than the configured limit, then 413 and nothing is kept', async () => {
    const big = [PLANES[0], ...Array.from({ length: 200 }, () => PLANES[1])].join('\n');
    expect(big.length).toBeGreaterThan(4096);
    await expectError(await upload(idle, 'principal', unitPlanes, { name: 'big.csv', content: big }), 413, 'payload_too_large');
    expect((await idle.database.pool.query('SELECT count(*)::int AS n FROM upload_files')).rows[0].n).toBe(0);
    expect((await idle.database.pool.query('SELECT count(*)::int AS n FROM upload_chunks')).rows[0].n).toBe(0);
  });

  it('when another process changes a job, then its open event stream sends it at once (LISTEN/NOTIFY, not polling)', async () => {
    const res = await upload(idle, 'principal', unitPlanes, { name: 'watched.csv', content: PLANES.join('\n') });
    const { job } = ImportAccepted.parse(await res.json());
    const stream = await fetch(`${idle.url}/api/v1/jobs/${job.id}/events`, { headers: { authorization: `Bearer ${await token('principal')}` } });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    const nextJob = async (): Promise<ReturnType<typeof Job.parse>> => {
      for (;;) {
        const end = buffered.indexOf('\n\n');
        if (end >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.includes('event: job') && data) return Job.parse(JSON.parse(data.slice(6)));
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffered += value;
      }
    };
    expect((await nextJob()).state).toBe('queued');
    // The row changes as a replica's runner would change it; the stream re-reads rows only every 60 s otherwise.
    const changedAt = Date.now();
    await idle.database.pool.query(`UPDATE data_ingestion_jobs SET progress = '{"phase": "staging", "processed": 1}' WHERE id = $1`, [job.id]);
    expect((await nextJob()).progress).toMatchObject({ phase: 'staging', processed: 1 });
    expect(Date.now() - changedAt).toBeLessThan(5_000);
    await idle.database.pool.query(`UPDATE data_ingestion_jobs SET state = 'aborted', finished_at = now() WHERE id = $1`, [job.id]);
    expect((await nextJob()).state).toBe('aborted');
    expect((await reader.read()).done).toBe(true); // the stream ends after the terminal state
  });

  it('aborts a queued job (409 once it has ended), retries it, and keeps other users out', async () => {
    const res = await upload(idle, 'principal', unitPlanes, { name: 'later.csv', content: PLANES.join('\n') });
    const { job, pipelineId } = ImportAccepted.parse(await res.json());
    expect(job.state).toBe('queued');
    const as = async (who: Who) => ({ token: await token(who) });
    expect((await idle.get(`/api/v1/jobs/${job.id}`, await as('member'))).status).toBe(404);
    expect((await idle.send('POST', `/api/v1/jobs/${job.id}/abort`, await as('member'))).status).toBe(404);
    const aborted = await idle.send('POST', `/api/v1/jobs/${job.id}/abort`, await as('principal'));
    expect(Job.parse(await aborted.json())).toMatchObject({ state: 'aborted' });
    await expectError(await idle.send('POST', `/api/v1/jobs/${job.id}/abort`, await as('principal')), 409, 'conflict');
    const retried = await idle.send('POST', `/api/v1/jobs/${job.id}/retry`, await as('principal'));
    expect(Job.parse(await retried.json())).toMatchObject({ state: 'queued', attempts: 0 });
    await expectError(await idle.send('POST', `/api/v1/jobs/${job.id}/retry`, await as('principal')), 409, 'conflict');
    const pipeline = Pipeline.parse(await (await idle.send('POST', `/api/v1/pipelines/${pipelineId}/abort`, await as('admin'))).json());
    expect(pipeline).toMatchObject({ state: 'aborted', phase: 'done' });

    const mine = JobPage.parse(await (await idle.get('/api/v1/jobs', await as('principal'))).json());
    expect(mine.items.map((j) => j.id)).toContain(job.id);
    expect(JobPage.parse(await (await idle.get('/api/v1/jobs', await as('member'))).json()).total).toBe(0);
    expect(JobPage.parse(await (await idle.get('/api/v1/jobs?state=aborted', await as('admin'))).json()).items.map((j) => j.id)).toContain(job.id);
    const events = await fetch(`${idle.url}/api/v1/jobs/${job.id}/events`, { headers: { authorization: `Bearer ${await token('member')}` } });
    await expectError(events, 404, 'not_found');
  });

  it('when an admin imports a factor template as it is, then the pipeline chains the recalculation and the aggregation', async () => {
    const template = await (await api.get('/api/v1/imports/template?kind=factors&submodule=professional-travel/plane', { token: await token('admin') })).text();
    const res = await upload(api, 'admin', { kind: 'factors', submodule: 'professional-travel/plane', year: '2025' }, { name: 'factors.csv', content: template });
    expect(res.status, await res.clone().text()).toBe(202);
    const { job, pipelineId } = ImportAccepted.parse(await res.json());
    const stream = await fetch(`${api.url}/api/v1/jobs/${job.id}/events`, { headers: { authorization: `Bearer ${await token('admin')}` } });
    const last = Job.parse(JSON.parse((await readEvents(stream)).filter((e) => e.event === 'job').at(-1)!.data!));
    expect(last, JSON.stringify(last.report ?? last.error)).toMatchObject({ state: 'succeeded', type: 'factor-import', report: { status: 'success', rows: { accepted: 1 } } });
    let pipeline = Pipeline.parse(await (await api.get(`/api/v1/pipelines/${pipelineId}`, { token: await token('admin') })).json());
    for (let i = 0; i < 100 && pipeline.phase !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      pipeline = Pipeline.parse(await (await api.get(`/api/v1/pipelines/${pipelineId}`, { token: await token('admin') })).json());
    }
    expect(pipeline.state).toBe('succeeded');
    expect(pipeline.jobs.map((j) => j.type)).toEqual(['factor-import', 'recalculate-emissions', 'aggregate-report-totals']);
  });

  it('when a factor import changes the short-haul ef, then after its pipeline an existing trip and its module show the new figures', async () => {
    const lab = '/api/v1/units/LAB-CARBON/years/2025/modules/professional-travel/plane/entries';
    const created = await api.send('POST', lab, { token: await token('principal'), body: { data: { origin_iata: 'GVA', destination_iata: 'CDG', user_institutional_id: '100001', cabin_class: 'economy', number_of_trips: 1 } } });
    expect(created.status, await created.clone().text()).toBe(201);
    const trip = Entry.parse(await created.json());
    expect(trip.totalKgCo2eq).toBeCloseTo(503 * 0.2906 * 1.35, 9);
    const template = await (await api.get('/api/v1/imports/template?kind=factors&submodule=professional-travel/plane', { token: await token('admin') })).text();
    expect(template).toContain('0.2906');
    const res = await upload(api, 'admin', { kind: 'factors', submodule: 'professional-travel/plane', year: '2025' }, { name: 'factors.csv', content: template.replace('0.2906', '0.5') });
    expect(res.status, await res.clone().text()).toBe(202);
    const { pipelineId } = ImportAccepted.parse(await res.json());
    let pipeline = Pipeline.parse(await (await api.get(`/api/v1/pipelines/${pipelineId}`, { token: await token('admin') })).json());
    for (let i = 0; i < 100 && pipeline.phase !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      pipeline = Pipeline.parse(await (await api.get(`/api/v1/pipelines/${pipelineId}`, { token: await token('admin') })).json());
    }
    expect(pipeline.jobs.map((j) => [j.type, j.state])).toEqual([['factor-import', 'succeeded'], ['recalculate-emissions', 'succeeded'], ['aggregate-report-totals', 'succeeded']]);
    const after = Entry.parse(await (await api.get(`${lab}/${trip.id}`, { token: await token('principal') })).json());
    // The total is the sum of the recalculated rows; the row shows the factor values it was computed with.
    expect(after.totalKgCo2eq).toBeCloseTo(503 * 0.5 * 1.35, 9);
    expect(after.emissions[0]?.inputs).toMatchObject({ great_circle_km: 408, one_trip_km: 503, ef_kg_co2eq_per_km: 0.5, rfi_adjustment: 1.35 });
    const [module] = (await api.database.pool.query(
      `SELECT rm.total_kg, (SELECT sum(em.kg_co2eq) FROM entries e JOIN entry_emissions em ON em.entry_id = e.id WHERE e.report_module_id = rm.id)::float8 AS summed
       FROM report_modules rm JOIN carbon_reports cr ON cr.id = rm.report_id JOIN units u ON u.id = cr.unit_id
       WHERE u.code = 'LAB-CARBON' AND cr.year = 2025 AND rm.module = 'professional-travel'`,
    )).rows;
    expect(module.summed).toBeGreaterThanOrEqual(after.totalKgCo2eq);
    expect(module.total_kg).toBeCloseTo(module.summed, 6);
    await api.database.pool.query(`UPDATE factors SET values = values || '{"ef_kg_co2eq_per_km": 0.2906}' WHERE values->>'ef_kg_co2eq_per_km' = '0.5'`);
  });

  it('when an admin imports a reference template as it is, then it is applied', async () => {
    const template = await (await api.get('/api/v1/imports/template?kind=reference&format=locations', { token: await token('admin') })).text();
    const res = await upload(api, 'admin', { kind: 'reference', format: 'locations' }, { name: 'locations.csv', content: template });
    expect(res.status, await res.clone().text()).toBe(202);
    const { job } = ImportAccepted.parse(await res.json());
    const stream = await fetch(`${api.url}/api/v1/jobs/${job.id}/events`, { headers: { authorization: `Bearer ${await token('admin')}` } });
    const last = Job.parse(JSON.parse((await readEvents(stream)).filter((e) => e.event === 'job').at(-1)!.data!));
    expect(last, JSON.stringify(last.report ?? last.error)).toMatchObject({ state: 'succeeded', type: 'reference-import', params: { kind: 'reference', format: 'locations' }, report: { status: 'success' } });
  });

  it('serves templates for data, factor and reference formats, and the catalogue', async () => {
    const get = async (query: string) => api.get(`/api/v1/imports/template?${query}`, { token: await token('principal') });
    const planes = await get('kind=data&format=travel-planes');
    expect(planes.status).toBe(200);
    expect(planes.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(planes.headers.get('content-disposition')).toBe('attachment; filename=travel-planes-template.csv');
    expect((await planes.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('origin_iata,destination_iata,user_institutional_id,departure_date,number_of_trips,cabin_class,note');
    expect((await (await get('kind=data&format=travel-planes&mode=per-year')).text()).replace(/^\uFEFF/, '')).toMatch(/^unit_institutional_id,/);
    expect((await get('kind=factors&submodule=professional-travel/plane')).status).toBe(200);
    const locations = await get('kind=reference&format=locations');
    expect(locations.status).toBe(200);
    expect(await locations.text()).toMatch(/transport_mode/);
    await expectError(await get('kind=data&format=rockets'), 404, 'not_found');
    await expectError(await get('kind=factors'), 400, 'validation_failed');

    const catalogue = ImportCatalogue.parse(await (await api.get('/api/v1/imports/catalogue', { token: await token('principal') })).json());
    expect(catalogue.maxUploadBytes).toBe(100 * 1024 * 1024);
    expect(catalogue.data.find((d) => d.format === 'travel-planes')!.targets).toEqual(['professional-travel/plane']);
    expect(catalogue.reference.map((r) => r.kind)).toEqual(['locations', 'building-rooms', 'units', 'fx-rates', 'price-index']);
  });
});
