import { describe, expect, it } from 'vitest';
import { importFormat, inMemoryLookups, validateImport, type DataFormatId, type ImportOptions } from '../../../src/imports/index.js';
import { chunked, csv } from './support.js';

const PLANES = 'origin_iata,destination_iata,user_institutional_id,departure_date,number_of_trips,cabin_class,note';
const TRAINS = 'origin_name,origin_country_code,destination_name,destination_country_code,user_institutional_id,departure_date,number_of_trips,cabin_class';
const MEMBERS = 'name,sius_code,user_institutional_id,fte,note';
const { lookups } = inMemoryLookups({
  airports: ['GVA', 'CDG', 'JFK'],
  stations: [{ name: 'Geneva', countryCode: 'CH' }, { name: 'Lausanne', countryCode: 'CH' }],
});

const check = (format: DataFormatId, input: string | Uint8Array, options: Partial<ImportOptions<unknown>> = {}) =>
  validateImport(chunked(input, 64), importFormat(format), { mode: 'unit-specific', lookups, ...options });

describe('bad-file corpus: each file gets its expected error', () => {
  it.each([
    ['empty file', '', 'empty_file', /empty/],
    ['header only', `${MEMBERS}\n`, 'header_only', /no data rows/],
    ['semicolon-separated', csv(MEMBERS.replaceAll(',', ';'), 'Ada;51;1;1;'), 'wrong_delimiter', /semicolons.*commas/],
    ['missing required column', csv('name,user_institutional_id,fte', 'Ada,1,1'), 'missing_columns', /Missing required column: sius_code/],
    ['binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), 'binary_file', /not a text CSV/],
    ['single 1 MB line', `${MEMBERS}\n${'A'.repeat(1024 * 1024)}\n`, 'line_too_long', /Line 2 is longer/],
  ])('%s → file error %s, nothing applies', async (_name, input, code, message) => {
    const report = await check('headcount-members', input);
    expect(report.status).toBe('error');
    expect(report.fileError).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(report.rows.accepted).toBe(0);
  });

  it('the legacy headcount header (position_category, no sius_code) is refused with a hint', async () => {
    const report = await check('headcount-members', csv('name,position_title,position_category,user_institutional_id,fte,note', 'A,B,professor,1,1,'));
    expect(report.fileError?.message).toMatch(/sius_code.*legacy position_title\/position_category/);
  });

  it.each([
    ['unknown enum value', 'GVA,JFK,1,2025-03-10,1,premium,', 'cabin_class', /must be one of first, business, economy \(got "premium"\)/],
    ['negative number', 'GVA,JFK,1,2025-03-10,-2,economy,', 'number_of_trips', /must be ≥ 1 \(got "-2"\)/],
    ['non-numeric text in a number', 'GVA,JFK,1,2025-03-10,two,economy,', 'number_of_trips', /must be a number \(got "two"\)/],
    ['bad date', 'GVA,JFK,1,10.03.2025,1,economy,', 'departure_date', /must be a date YYYY-MM-DD \(got "10.03.2025"\)/],
    ['fractional trips', 'GVA,JFK,1,2025-03-10,1.5,economy,', 'number_of_trips', /whole number/],
    ['malformed IATA', 'GVA,JF,1,2025-03-10,1,economy,', 'destination_iata', /3-letter IATA/],
  ])('%s → the row is rejected with its line and column', async (_name, row, column, message) => {
    const report = await check('travel-planes', csv(PLANES, 'CDG,GVA,7,2025-01-01,1,economy,ok', row));
    expect(report.status).toBe('warning');
    expect(report.rows).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    expect(report.rejected).toEqual([{ line: 3, issues: [{ column, message: expect.stringMatching(message) }] }]);
  });

  it('a decimal comma or a thousands separator in a number gets a hint', async () => {
    const report = await check('headcount-members', csv(MEMBERS, 'Ada,51,1,"0,8",'));
    expect(report.rejected[0]?.issues).toEqual([{ column: 'fte', message: 'must be a number with a dot as decimal separator (got "0,8")' }]);
    const spend = await check('external-cloud', csv('service_type,provider,spent_amount', "compute,AWS,1'200"));
    expect(spend.rejected[0]?.issues).toEqual([{ column: 'spent_amount', message: `must be a number without thousands separators (got "1'200")` }]);
  });

  it('negative FTE and an unknown SIUS code are both named on the same row', async () => {
    const report = await check('headcount-members', csv(MEMBERS, 'Ada,50,1,-0.5,'));
    expect(report.status).toBe('error');
    expect(report.rejected[0]?.issues).toEqual([
      { column: 'sius_code', message: expect.stringMatching(/must be one of 51, 52.*\(got "50"\)/) },
      { column: 'fte', message: 'must be ≥ 0 (got "-0.5")' },
    ]);
  });

  it('unknown IATA code → the entry is kept with a notice (reference behaviour), or rejected when asked', async () => {
    const input = csv(PLANES, 'GVA,XXX,1,2025-03-10,1,economy,', 'GVA,CDG,1,2025-03-10,1,economy,');
    const kept = await check('travel-planes', input);
    expect(kept.status).toBe('warning');
    expect(kept.rows).toMatchObject({ accepted: 2, rejected: 0, notices: 1 });
    expect(kept.notices).toEqual([{ line: 2, issues: [{ column: 'destination_iata', message: 'unknown airport "XXX"' }] }]);
    const strict = await check('travel-planes', input, { unknownLocation: 'reject' });
    expect(strict.rows).toMatchObject({ accepted: 1, rejected: 1 });
    expect(strict.rejected[0]).toEqual({ line: 2, issues: [{ column: 'destination_iata', message: 'unknown airport "XXX"' }] });
  });

  it('unknown station → notice naming the station and country; a station missing its country column → file error', async () => {
    const report = await check('travel-trains', csv(TRAINS, 'Geneva,CH,Atlantis,CH,1,2025-03-12,1,second'));
    expect(report.notices).toEqual([{ line: 2, issues: [{ column: 'destination_name', message: 'unknown station "Atlantis, CH"' }] }]);
    const noCountry = await check('travel-trains', csv('origin_name,destination_name,user_institutional_id,cabin_class', 'Geneva,Lausanne,1,second'));
    expect(noCountry.fileError?.message).toBe('Missing required columns: origin_country_code, destination_country_code');
  });

  it('duplicate member id → the second row is rejected pointing at the first', async () => {
    const report = await check('headcount-members', csv(MEMBERS, 'Ada,51,150322,1,', 'Bob,52,150333,1,', 'Ada again,53,150322,0.5,'));
    expect(report.rows).toMatchObject({ accepted: 2, rejected: 1 });
    expect(report.rejected).toEqual([{ line: 4, issues: [{ column: 'user_institutional_id', message: 'duplicates line 2' }] }]);
  });

  it('BOM, latin-1 and a quoted newline are accepted, and line numbers stay physical', async () => {
    const bom = await check('headcount-members', `\uFEFF${csv(MEMBERS, 'Cécile,56,208982,0.1,')}`);
    expect(bom).toMatchObject({ status: 'success', encoding: 'utf-8-bom', rows: { accepted: 1 } });
    const latin = await check('headcount-members', Buffer.from(csv(MEMBERS, 'C\xe9cile,56,208982,0.1,caf\xe9'), 'latin1'));
    expect(latin).toMatchObject({ status: 'success', encoding: 'windows-1252' });
    const quoted = await check('headcount-members', csv(MEMBERS, 'Ada,51,1,1,"two', 'lines"', 'Bob,51,2,x,'));
    expect(quoted.rejected).toEqual([{ line: 4, issues: [{ column: 'fte', message: 'must be a number (got "x")' }] }]);
  });
});
