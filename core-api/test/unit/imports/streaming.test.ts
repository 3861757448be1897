import { describe, expect, it } from 'vitest';
import { importFormat, inMemoryLookups, runImport, type Progress } from '../../../src/imports/index.js';
import { chunked } from './support.js';

const HEADER = 'origin_iata,destination_iata,user_institutional_id,number_of_trips,cabin_class';
const trips = (n: number, row: (i: number) => string) => `${HEADER}\n${Array.from({ length: n }, (_, i) => row(i)).join('\n')}\n`;
const airports = ['GVA', 'CDG', 'ZRH'];

describe('streaming import: batches, lookups, progress, bounds', () => {
  it('when 2,500 rows stream in batches of 1,000, then lookups are asked once per batch with distinct keys', async () => {
    const { lookups, calls } = inMemoryLookups({ airports });
    const batches: number[] = [];
    const progress: Progress[] = [];
    const report = await runImport(chunked(trips(2500, (i) => `GVA,${i % 2 ? 'CDG' : 'ZRH'},p${i},1,economy`), 4096), importFormat('travel-planes'), {
      mode: 'unit-specific',
      lookups,
      onBatch: async (rows) => void batches.push(rows.length),
      onProgress: (p) => progress.push(p),
    });
    expect(report).toMatchObject({ status: 'success', rows: { read: 2500, accepted: 2500 }, accepted: { 'professional-travel/plane': 2500 } });
    expect(batches).toEqual([1000, 1000, 500]);
    expect(calls).toEqual([{ kind: 'airport', keys: 3 }, { kind: 'airport', keys: 3 }, { kind: 'airport', keys: 3 }]);
    expect(progress.map((p) => p.rowsRead)).toEqual([1000, 2000, 2500]);
  });

  it('when a large upload streams, then progress reports bytes read, growing, bounded ahead of the rows', async () => {
    const input = trips(20_000, (i) => `GVA,CDG,p${i},1,economy`);
    const progress: Progress[] = [];
    await runImport(chunked(input, 4096), importFormat('travel-planes'), { mode: 'unit-specific', onProgress: (p) => progress.push(p) });
    const bytes = progress.map((p) => p.bytesRead);
    const perRow = Buffer.byteLength(input) / 20_000;
    expect([...new Set(progress.map((p) => p.rowsRead))]).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 1000));
    expect(bytes.every((b, i) => i === 0 || b >= (bytes[i - 1] ?? 0))).toBe(true);
    expect(bytes[0]).toBeLessThan(bytes[10] ?? 0);
    // Read-ahead stays within a few chunks of the rows already validated.
    progress.slice(0, -1).forEach((p) => expect(p.bytesRead - p.rowsRead * perRow).toBeLessThan(64 * 1024));
    expect(bytes.at(-1)).toBe(Buffer.byteLength(input));
  });

  it('when more rows are rejected than the report limit, then the list is bounded but the count is complete', async () => {
    const report = await runImport(chunked(trips(1500, (i) => (i === 0 ? 'GVA,CDG,a,1,economy' : `GVA,CDG,p${i},x,economy`)), 4096), importFormat('travel-planes'), {
      mode: 'unit-specific',
      reportLimit: 100,
    });
    expect(report.status).toBe('warning');
    expect(report.rows).toMatchObject({ read: 1500, accepted: 1, rejected: 1499 });
    expect(report.rejected).toHaveLength(100);
    expect(report.rejected[0]?.line).toBe(3);
    expect(report.rejected[99]?.line).toBe(102);
  });

  it('when a dry run meets a bad file late, then nothing was handed to onBatch and the file is refused', async () => {
    const staged: number[] = [];
    const report = await runImport(chunked(`${trips(1200, (i) => `GVA,CDG,p${i},1,economy`)}GVA,"unclosed\n`, 4096), importFormat('travel-planes'), {
      mode: 'unit-specific',
      onBatch: async (rows) => void staged.push(rows.length),
    });
    expect(report).toMatchObject({ status: 'error', fileError: { code: 'malformed_csv' }, rows: { accepted: 0 } });
    // The first batch was staged before the error: the caller discards the staging on an `error` status.
    expect(staged).toEqual([1000]);
  });

  it('when the job is aborted, then reading stops at the next batch with an aborted error', async () => {
    const controller = new AbortController();
    let batches = 0;
    const report = await runImport(chunked(trips(3000, (i) => `GVA,CDG,p${i},1,economy`), 4096), importFormat('travel-planes'), {
      mode: 'unit-specific',
      batchSize: 500,
      signal: controller.signal,
      onBatch: async () => {
        batches += 1;
        if (batches === 2) controller.abort();
      },
    });
    expect(report).toMatchObject({ status: 'error', fileError: { code: 'aborted' } });
    expect(batches).toBe(2);
  });

  it('when a station name matches several stations without a country, then the row is rejected as ambiguous', async () => {
    const { lookups } = inMemoryLookups({ stations: [{ name: 'Paris', countryCode: 'FR' }, { name: 'Paris', countryCode: 'US' }, { name: 'Bern', countryCode: 'CH' }] });
    const header = 'origin_name,origin_country_code,destination_name,destination_country_code,user_institutional_id,cabin_class';
    const report = await runImport(chunked(`${header}\nBern,CH,Paris,,1,second\nBern,CH,Paris,FR,1,second\n`), importFormat('travel-trains'), { mode: 'unit-specific', lookups });
    expect(report.rows).toMatchObject({ accepted: 1, rejected: 1 });
    expect(report.rejected).toEqual([{ line: 2, issues: [{ column: 'destination_name', message: '"Paris" matches several stations; give the country code' }] }]);
  });

  it('when the caller targets a submodule the format cannot write, then it is a programming error', async () => {
    await expect(runImport(chunked('a\n1\n'), importFormat('travel-planes'), { mode: 'unit-specific', submodule: 'equipment/it' })).rejects.toThrow(TypeError);
  });

  it('when a purchases file has no category column and none is chosen, then each row says so', async () => {
    const header = 'name,total_spent_amount,purchase_institutional_code';
    const report = await runImport(chunked(`${header}\nCable,10,43211600\n`), importFormat('purchases'), { mode: 'unit-specific' });
    expect(report.rejected[0]?.issues[0]).toMatchObject({ column: 'purchase_category', message: expect.stringMatching(/does not say which of purchases\//) });
  });
});
