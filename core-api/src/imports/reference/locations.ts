// Airports and train stations in the reference's one-file format: `transport_mode` routes each row to the
// airports table (plane, keyed by IATA code) or the train_stations table (train, keyed by `CC:name-slug`).
import { searchText } from '../../repositories/reference.repository.js';
import type { CellIssue } from '../report.js';
import { code, ISO_COUNTRY, number, oneOf, text, type Cells } from './cells.js';
import { referenceFormat, type ReferenceRow } from './types.js';

export const TRANSPORT_MODES = ['plane', 'train'] as const;
/** OurAirports' `type` values (the location search ranks large, then medium, then small airports). */
export const AIRPORT_SIZES = ['large_airport', 'medium_airport', 'small_airport', 'heliport', 'seaplane_base', 'closed'] as const;

/**
 * A station's stable key: country and name folded to ASCII words joined by dashes (`CH:zurich-hb` for
 * "Zürich HB"), the shape of the seeded stations, so an import updates them instead of adding twins.
 */
export function stationKey(countryCode: string, name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${countryCode.toUpperCase()}:${slug}`;
}

function place(cells: Cells, issues: CellIssue[]) {
  return {
    name: text(cells, 'name', issues, { required: true }),
    latitude: number(cells, 'latitude', issues, { required: true, min: -90, max: 90 }),
    longitude: number(cells, 'longitude', issues, { required: true, min: -180, max: 180 }),
    countryCode: code(cells, 'country_code', issues, { ...ISO_COUNTRY, required: true }),
    municipality: text(cells, 'municipality', issues) ?? null,
    keywords: text(cells, 'keywords', issues, { max: 1000 }) ?? null,
  };
}

function airport(cells: Cells, issues: CellIssue[]): ReferenceRow | undefined {
  const p = place(cells, issues);
  const iata = code(cells, 'iata_code', issues, { pattern: /^[A-Z]{3}$/, upper: true, required: true, expected: 'a three-letter IATA code' });
  const kind = oneOf(cells, 'airport_size', issues, AIRPORT_SIZES) ?? null;
  if (!p.name || p.latitude === undefined || p.longitude === undefined || !p.countryCode || !iata) return undefined;
  return {
    iata,
    name: p.name,
    municipality: p.municipality,
    country_code: p.countryCode,
    latitude: p.latitude,
    longitude: p.longitude,
    kind,
    search: searchText(iata, p.name, p.municipality, p.keywords),
  };
}

function station(cells: Cells, issues: CellIssue[]): ReferenceRow | undefined {
  const p = place(cells, issues);
  if (!p.name || p.latitude === undefined || p.longitude === undefined || !p.countryCode) return undefined;
  const key = stationKey(p.countryCode, p.name);
  if (key.endsWith(':')) {
    issues.push({ column: 'name', message: `has no letter or digit to build the station key from (got "${p.name}")` });
    return undefined;
  }
  return {
    location_key: key,
    name: p.name,
    country_code: p.countryCode,
    latitude: p.latitude,
    longitude: p.longitude,
    search: searchText(p.name, p.countryCode, p.municipality, p.keywords),
  };
}

export const locations = referenceFormat({
  kind: 'locations',
  description: 'Airports (plane, by IATA code) and train stations (train, by country and name) with coordinates',
  tables: ['airports', 'train_stations'],
  requiredColumns: () => ['transport_mode', 'name', 'latitude', 'longitude'],
  // `continent` is part of the reference format but has no column to go to; it is read and ignored.
  optionalColumns: ['airport_size', 'continent', 'country_code', 'municipality', 'iata_code', 'keywords'],
  example: {
    transport_mode: 'plane',
    name: 'Geneva Airport',
    latitude: '46.238098',
    longitude: '6.10895',
    airport_size: 'large_airport',
    continent: 'EU',
    country_code: 'CH',
    municipality: 'Geneva',
    iata_code: 'GVA',
    keywords: 'Cointrin',
  },
  parse(cells, _ctx, issues) {
    const mode = oneOf(cells, 'transport_mode', issues, TRANSPORT_MODES, { required: true });
    if (mode === 'plane') {
      const row = airport(cells, issues);
      return row && { table: 'airports', row };
    }
    if (mode === 'train') {
      const row = station(cells, issues);
      return row && { table: 'train_stations', row };
    }
    place(cells, issues); // still report the other cells of a row with a bad mode
    return undefined;
  },
  uniqueKey: (row) =>
    typeof row.iata === 'string' ? { key: `plane:${row.iata}`, column: 'iata_code' } : { key: `train:${String(row.location_key)}`, column: 'name' },
});
