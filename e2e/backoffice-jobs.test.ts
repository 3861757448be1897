// An administrator opens the jobs page: the workers panel lists the portal's core-api runner as the API does, and
// a dry run shows up in the job history marked as such, beside the real jobs.
import { FactorPage, FactorWritten, ImportAccepted, Job, WorkerList } from '@co2/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiSend } from './support/backoffice.js';
import { launchBrowser } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');

let browser: Browser;
let admin: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  admin = await browser.newContext();
  page = await admin.newPage();
  await signIn(page, portalUrl, 'admin');
});
afterAll(async () => {
  await admin?.close();
  await browser?.close();
});

describe('jobs as an administrator', () => {
  it('when the admin opens the jobs page, then the workers panel lists the runners the API lists, heard from recently', async () => {
    await page.goto(`${portalUrl}/backoffice/jobs?year=2025`);
    await page.getByTestId('workers-table').waitFor();
    const api = await apiGet(admin, portalUrl, '/api/v1/workers', (v) => WorkerList.parse(v));
    expect(api.workers.length).toBeGreaterThan(0);
    for (const worker of api.workers) {
      const row = page.getByTestId(`worker-${worker.owner}`);
      await expect(row.innerText()).resolves.toContain(worker.version);
      await expect(row.innerText()).resolves.toContain(String(worker.pid));
    }
    expect(await page.getByTestId('workers-mixed').count()).toBe(api.mixedVersions ? 1 : 0);
  });

  it('when the admin validates a factor file as a dry run, then the history marks that job as a dry run, and a real job not', async () => {
    const template = await (await admin.request.get(`${portalUrl}/api/v1/imports/template?kind=factors&submodule=professional-travel/train`)).text();
    const res = await admin.request.post(`${portalUrl}/api/v1/imports`, {
      headers: { 'x-csrf': '1' },
      multipart: { kind: 'factors', submodule: 'professional-travel/train', year: '2025', dryRun: 'true', file: { name: 'train-check.csv', mimeType: 'text/csv', buffer: Buffer.from(template) } },
    });
    expect(res.status(), await res.text()).toBe(202);
    const { job } = ImportAccepted.parse(await res.json());
    expect(job.params.dryRun).toBe(true);
    let current = job;
    for (let i = 0; i < 100 && !['succeeded', 'failed', 'aborted'].includes(current.state); i++) {
      await new Promise((r) => setTimeout(r, 100));
      current = await apiGet(admin, portalUrl, `/api/v1/jobs/${job.id}`, (v) => Job.parse(v));
    }

    await page.goto(`${portalUrl}/backoffice/jobs?year=2025`);
    const row = page.getByTestId(`import-history-${job.id}`);
    await row.waitFor();
    await expect(row.getByTestId('import-history-dry-run').innerText()).resolves.toBe('Dry run: nothing written');
    // A real job (the recalculation a factor change starts) carries no such mark.
    const factor = (await apiGet(admin, portalUrl, '/api/v1/factors?year=2025&submodule=professional-travel/train&pageSize=1', (v) => FactorPage.parse(v))).items[0]!;
    const written = await apiSend(admin, portalUrl, 'PATCH', `/api/v1/factors/${factor.id}`, { source: factor.source ?? 'e2e' }, (v) => FactorWritten.parse(v));
    await page.reload();
    const real = page.getByTestId(`import-history-${written.recalculation.jobId}`);
    await real.waitFor();
    expect(await real.getByTestId('import-history-dry-run').count()).toBe(0);
  });
});
