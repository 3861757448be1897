// A CSV import through the whole portal in Chromium: multipart upload browser → BFF → core-api (with the CSRF
// header the sdk sends), then the job's Server-Sent Events followed with the browser's EventSource through the
// BFF. The stream must not be buffered: progress arrives while the job is still running.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const portalUrl = inject('portalUrl');

interface Observed {
  status: number;
  accepted: { job: { id: string }; pipelineId: string } | { error: { code: string } };
  events: { at: number; state: string; phase?: string; rowsRead?: number; percent?: number; finishedAt: string | null; reportStatus?: string }[];
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
  await signIn(page, portalUrl, 'principal');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Runs in the page: uploads `rows` plane trips for LAB-CARBON 2025, then follows the job's event stream. */
async function importInPage(rows: number, headers: Record<string, string>): Promise<Observed> {
  return page.evaluate(
    async ({ rows, headers }) => {
      const pairs = [['GVA', 'CDG'], ['ZRH', 'LHR'], ['GVA', 'JFK'], ['CDG', 'GVA']];
      const lines = ['origin_iata,destination_iata,user_institutional_id,departure_date,number_of_trips,cabin_class,note'];
      for (let i = 0; i < rows; i++) {
        const [from, to] = pairs[i % pairs.length]!;
        lines.push(`${from},${to},${100000 + (i % 50)},2025-0${1 + (i % 9)}-1${i % 10},${1 + (i % 3)},economy,e2e ${i}`);
      }
      const form = new FormData();
      for (const [k, v] of Object.entries({ kind: 'data', format: 'travel-planes', mode: 'unit-specific', year: '2025', unitCode: 'LAB-CARBON' })) form.append(k, v);
      form.append('file', new Blob([lines.join('\n')], { type: 'text/csv' }), 'e2e-flights.csv');
      const res = await fetch('/api/v1/imports', { method: 'POST', headers, body: form });
      const accepted = await res.json();
      const events: Observed['events'] = [];
      if (res.status === 202) {
        await new Promise<void>((resolve, reject) => {
          const source = new EventSource(`/api/v1/jobs/${accepted.job.id}/events`);
          const timeout = setTimeout(() => {
            source.close();
            reject(new Error('no terminal event within 120 s'));
          }, 120_000);
          source.addEventListener('job', (e) => {
            const job = JSON.parse((e as MessageEvent<string>).data);
            events.push({ at: Date.now(), state: job.state, phase: job.progress.phase, rowsRead: job.progress.rowsRead, percent: job.progress.percent, finishedAt: job.finishedAt, reportStatus: job.report?.status });
            if (['succeeded', 'failed', 'aborted'].includes(job.state)) {
              clearTimeout(timeout);
              source.close();
              resolve();
            }
          });
        });
      }
      return { status: res.status, accepted, events };
    },
    { rows, headers },
  );
}

describe('CSV import through the portal', () => {
  it("when a principal imports a CSV from the inventory's travel page, then the screen shows live progress and the report", async () => {
    await page.goto(`${portalUrl}/inventory`);
    await page.getByTestId('context-year').selectOption('2025');
    await page.getByTestId('inventory-module-professional-travel').getByRole('link').click();
    await page.getByTestId('import-action-professional-travel/plane').click();
    const panel = page.getByTestId('import-panel-professional-travel/plane');
    const csv = ['origin_iata,destination_iata,user_institutional_id,departure_date,number_of_trips,cabin_class,note', 'GVA,CDG,100001,2025-02-03,1,economy,ui', 'GVA,XXX,100001,2025-02-04,1,economy,unknown airport', 'GVA,CDG,100001,2025-02-05,-2,economy,bad'];
    await panel.locator('input[type=file]').setInputFiles({ name: 'ui-flights.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.join('\n')) });
    await panel.getByTestId('import-submit').click();
    const report = panel.getByTestId('import-report');
    await report.waitFor({ timeout: 30_000 });
    // The import ran but dropped a row: its state reads "with warnings" (follow-up jobs have their own chips).
    await panel.getByTestId('import-job').getByTestId('import-state-warning').first().waitFor({ timeout: 10_000 });
    const rejected = (await report.getByTestId('import-rejected').locator('tbody tr').allInnerTexts()).map((r) => r.split('\t').map((c) => c.trim()));
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.slice(0, 2)).toEqual(['4', 'number_of_trips']); // line 4 of the file, its column
    const notices = await report.getByTestId('import-notices').locator('tbody tr').allInnerTexts();
    expect(notices.join(' ')).toMatch(/XXX/); // unknown airport: kept without emission, with a notice
  });


  it('when the principal uploads without the CSRF header, then the BFF refuses it with 403', async () => {
    const observed = await importInPage(3, {});
    expect(observed.status).toBe(403);
    expect(observed.accepted).toMatchObject({ error: { code: 'csrf_required' } });
  });

  it('when the principal uploads a CSV, then progress events stream through the BFF while the job runs, until it succeeds', async () => {
    const observed = await importInPage(30_000, { 'X-CSRF': '1' });
    expect(observed.status, JSON.stringify(observed.accepted)).toBe(202);
    const last = observed.events.at(-1)!;
    expect(last).toMatchObject({ state: 'succeeded', percent: 100, reportStatus: 'success' });
    const running = observed.events.filter((e) => e.state === 'running' && (e.rowsRead ?? 0) > 0 && (e.rowsRead ?? 0) < 30_000);
    expect(running.length, JSON.stringify(observed.events.map((e) => [e.state, e.phase, e.rowsRead]))).toBeGreaterThan(0);
    // Not buffered: a progress event reached the browser before the job had finished on the server.
    expect(running[0]!.at).toBeLessThan(Date.parse(last.finishedAt!));
  });
});
