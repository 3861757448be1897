import { describe, expect, it } from 'vitest';
import { csvTemplate, importFormat, inMemoryLookups, templateCatalogue, validateImport } from '../../../src/imports/index.js';
import { chunked } from './support.js';

const { lookups } = inMemoryLookups({
  airports: ['GVA', 'JFK'],
  stations: [{ name: 'Lausanne', countryCode: 'CH' }, { name: 'Renens VD', countryCode: 'CH' }],
  rooms: [{ building: 'AAB', room: 'AAB 0 01' }],
  units: ['10208'],
});

describe('downloadable templates', () => {
  it('the catalogue offers every data format in both modes and factors for every entered submodule', () => {
    const catalogue = templateCatalogue();
    expect(catalogue.filter((t) => t.format !== 'factors')).toHaveLength(28);
    expect(catalogue.filter((t) => t.format === 'factors').map((t) => t.submodule)).not.toContain('buildings/embodied-energy');
  });

  it.each(templateCatalogue().map((t) => [`${t.format} ${t.mode ?? t.submodule}`, t] as const))('%s: the example row imports cleanly', async (_name, request) => {
    const template = csvTemplate(request);
    const report = await validateImport(chunked(template.content), importFormat(request.format), {
      mode: request.mode ?? 'per-year',
      submodule: request.submodule,
      year: 2025,
      lookups,
    });
    expect(report.rejected).toEqual([]);
    expect(report.notices).toEqual([]);
    expect(report).toMatchObject({ status: 'success', encoding: 'utf-8-bom', rows: { accepted: 1 } });
    expect(report.columns).toEqual(template.columns);
  });

  it('the unit-page planes template has the reference header; the per-year one adds the unit and the override', () => {
    const unit = csvTemplate({ format: 'travel-planes' });
    expect(unit.filename).toBe('travel-planes-template.csv');
    expect(unit.content.split('\r\n')[0]).toBe('\uFEFForigin_iata,destination_iata,user_institutional_id,departure_date,number_of_trips,cabin_class,note');
    const year = csvTemplate({ format: 'travel-planes', mode: 'per-year', bom: false });
    expect(year.columns[0]).toBe('unit_institutional_id');
    expect(year.columns.at(-1)).toBe('kg_co2eq');
  });

  it('the example row follows the header, CRLF-terminated, with values holding commas quoted', () => {
    expect(csvTemplate({ format: 'external-ai', bom: false }).content).toBe('provider,usage_type,requests_per_user_per_day,fte_count,note\r\nClaude (Anthropic),text,5_20,3,\r\n');
    const purchases = csvTemplate({ format: 'purchases', bom: false }).content.split('\r\n');
    expect(purchases[1]).toMatch(/^"Apple USB-C – Lightning \(2 m, USB 2\.0\)",Digitec Galaxus AG,1,16\.59,chf,/);
  });
});
