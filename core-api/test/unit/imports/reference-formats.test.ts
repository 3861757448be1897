import { describe, expect, it } from 'vitest';
import { runImport, type AcceptedRow } from '../../../src/imports/index.js';
import {
  REFERENCE_KINDS,
  referenceFormatOf,
  referenceImportPayload,
  referenceTemplate,
  stationKey,
  type ReferenceKind,
  type ReferenceRow,
} from '../../../src/imports/reference/index.js';
import { chunked, csv } from './support.js';

async function load(kind: ReferenceKind, input: string | Uint8Array, year?: number) {
  const rows: AcceptedRow<ReferenceRow>[] = [];
  const report = await runImport(chunked(input, 11), referenceFormatOf(kind), { mode: 'per-year', year, onBatch: async (b) => void rows.push(...b) });
  return { report, rows };
}

const issuesOf = (report: Awaited<ReturnType<typeof load>>['report']) => report.rejected.map((r) => [r.line, r.issues.map((i) => i.column ?? '').join('|')]);

describe('locations', () => {
  it('when a file mixes planes and trains in any column order, then rows go to airports and train_stations with search text', async () => {
    const { report, rows } = await load(
      'locations',
      csv(
        'iata_code,Name,transport_mode,latitude,longitude,country_code,municipality,airport_size,continent,keywords,extra',
        'gva,Genève Aéroport,PLANE,46.2381,6.1090,ch,Genève,large_airport,EU,Cointrin,x',
        ',Zürich HB,train,47.3779,8.5403,CH,Zürich,,,,',
      ),
    );
    expect(report.status).toBe('success');
    expect(report.accepted).toEqual({ airports: 1, train_stations: 1 });
    expect(rows.map((r) => [r.line, r.target, r.value])).toEqual([
      [2, 'airports', { iata: 'GVA', name: 'Genève Aéroport', municipality: 'Genève', country_code: 'CH', latitude: 46.2381, longitude: 6.109, kind: 'large_airport', search: 'gva geneve aeroport geneve cointrin' }],
      [3, 'train_stations', { location_key: 'CH:zurich-hb', name: 'Zürich HB', country_code: 'CH', latitude: 47.3779, longitude: 8.5403, search: 'zurich hb ch zurich' }],
    ]);
  });

  it('when cells are wrong, then each row is rejected with its line and every bad column', async () => {
    const { report } = await load(
      'locations',
      csv(
        'transport_mode,name,latitude,longitude,country_code,iata_code,airport_size',
        'plane,No code,1,2,CH,,',
        'bus,Somewhere,1,2,CH,,',
        'train,Far,91,2,CHE,,',
        'plane,Big,1,2,FR,CDG,huge_airport',
        'train,Lausanne,46.5,6.6,CH,,',
        'train,Lausanne,46.5,6.6,ch,,',
        'plane,Dup,1,2,FR,cdg,',
      ),
    );
    expect(report.status).toBe('warning');
    expect(issuesOf(report)).toEqual([
      [2, 'iata_code'],
      [3, 'transport_mode'],
      [4, 'latitude|country_code'],
      [5, 'airport_size'],
      [7, 'name'],
    ]);
    expect(report.rejected.find((r) => r.line === 7)?.issues[0]?.message).toBe('duplicates line 6');
    expect(report.rows).toMatchObject({ read: 7, accepted: 2, rejected: 5 });
  });

  it('station keys fold accents and punctuation like the seeded stations', () => {
    expect(stationKey('ch', 'Genève')).toBe('CH:geneve');
    expect(stationKey('CH', 'Zürich HB')).toBe('CH:zurich-hb');
    expect(stationKey('FR', "Paris Gare de l'Est")).toBe('FR:paris-gare-de-l-est');
  });
});

describe('building rooms', () => {
  it('when a latin-1 file with a BOM-less header is read, then accents survive and surfaces are numbers', async () => {
    const bytes = Buffer.from(csv('building_location,building_name,room_name,room_type,room_surface_square_meter', 'ECUBLENS,BC,BC 410,bureau réservé,24.5'), 'latin1');
    const { report, rows } = await load('building-rooms', bytes);
    expect(report.encoding).toBe('windows-1252');
    expect(rows[0]?.value).toEqual({ building_location: 'ECUBLENS', building_name: 'BC', room_name: 'BC 410', room_type: 'bureau réservé', surface_m2: 24.5 });
  });

  it('when the surface column is missing, then the file is refused naming it', async () => {
    const { report } = await load('building-rooms', csv('building_location,building_name,room_name', 'ECUBLENS,BC,BC 410'));
    expect(report.fileError).toMatchObject({ code: 'missing_columns', message: expect.stringContaining('room_surface_square_meter') });
  });

  it('when a room repeats with another case, or a surface is negative or text, then those rows are rejected', async () => {
    const { report } = await load(
      'building-rooms',
      csv('building_location,building_name,room_name,room_surface_square_meter', 'E,BC,BC 1,10', 'E,bc,bc 1,12', 'E,BC,BC 2,-1', 'E,BC,BC 3,12,5', 'E,BC,BC 4,"12,5"'),
    );
    expect(issuesOf(report)).toEqual([[3, 'room_name'], [4, 'room_surface_square_meter'], [5, ''], [6, 'room_surface_square_meter']]);
    expect(report.rejected[3]?.issues[0]?.message).toContain('with a dot as decimal separator');
  });
});

describe('FX rates and price indices', () => {
  it('when the import names a year, then the year column may be absent; a row of another year is rejected', async () => {
    const withoutYear = await load('fx-rates', csv('currency,rate_per_eur', 'CHF,0.9415', 'usd,1.08'), 2025);
    expect(withoutYear.rows.map((r) => r.value)).toEqual([
      { year: 2025, currency: 'chf', rate_per_eur: 0.9415, source: null },
      { year: 2025, currency: 'usd', rate_per_eur: 1.08, source: null },
    ]);
    const mixed = await load('fx-rates', csv('year,currency,rate_per_eur', '2025,chf,0.94', '2024,usd,1.08'), 2025);
    expect(mixed.report.rejected).toEqual([{ line: 3, issues: [{ column: 'year', message: 'is 2024, but the import is for 2025' }] }]);
  });

  it('when no year is given anywhere, then the year column is required', async () => {
    const { report } = await load('price-index', csv('currency,value', 'chf,107'));
    expect(report.fileError).toMatchObject({ code: 'missing_columns', message: 'Missing required column: year' });
  });

  it('when a rate is zero, a currency is not ISO, eur is not 1 or a key repeats, then those rows are rejected', async () => {
    const { report } = await load('fx-rates', csv('year,currency,rate_per_eur', '2025,chf,0', '2025,swiss,1', '2025,eur,1.1', '2025,eur,1', '2025,EUR,1', '2025.5,usd,1'));
    expect(issuesOf(report)).toEqual([[2, 'rate_per_eur'], [3, 'currency'], [4, 'rate_per_eur'], [6, 'currency'], [7, 'year']]);
    expect(report.rows.accepted).toBe(1);
  });

  it('price indices are keyed by currency and year', async () => {
    const { rows } = await load('price-index', csv('year,currency,value,source', '2024,chf,106.2,FSO', '2025,chf,107.1,FSO'));
    expect(rows.map((r) => r.value)).toEqual([
      { currency: 'chf', year: 2024, value: 106.2, source: 'FSO' },
      { currency: 'chf', year: 2025, value: 107.1, source: 'FSO' },
    ]);
  });
});

describe('units', () => {
  it('when rows are read, then names default, the level and active flag are parsed (blank active = keep or true)', async () => {
    const { rows, report } = await load('units', csv('code,name,parent_code,level,active', 'EPFL,EPFL,,1,', 'ENAC,Faculty ENAC,EPFL,,no', 'X,X,X,,'));
    expect(rows.map((r) => r.value)).toEqual([
      { code: 'EPFL', name: 'EPFL', parent_code: null, level: 1, name_fr: 'EPFL', name_de: null, active: null },
      { code: 'ENAC', name: 'Faculty ENAC', parent_code: 'EPFL', level: null, name_fr: 'Faculty ENAC', name_de: null, active: false },
    ]);
    expect(report.rejected).toEqual([{ line: 4, issues: [{ column: 'parent_code', message: 'is the unit itself ("X")' }] }]);
  });
});

describe('templates and payload', () => {
  it.each(REFERENCE_KINDS)('the %s template is a header and one example row that imports without a problem', async (kind) => {
    const template = referenceTemplate(kind);
    expect(template.startsWith('\uFEFF')).toBe(true);
    expect(template.split('\r\n')).toHaveLength(3);
    const { report } = await load(kind, template);
    expect(report).toMatchObject({ status: 'success', rows: { read: 1, accepted: 1 } });
  });

  it('the payload takes exactly one of fileId and path, and a known kind', () => {
    expect(referenceImportPayload.parse({ path: '/x.csv', kind: 'units' })).toMatchObject({ dryRun: false });
    expect(referenceImportPayload.safeParse({ path: '/x.csv', fileId: 'f', kind: 'units' }).success).toBe(false);
    expect(referenceImportPayload.safeParse({ path: '/x.csv', kind: 'rooms' }).success).toBe(false);
  });
});
