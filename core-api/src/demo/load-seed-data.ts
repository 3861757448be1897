import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isSubmoduleKey, type ModuleKey, type SubmoduleKey } from '@co2/contracts';
import { parse } from 'csv-parse/sync';
import type { AirportDraft, DemoSeedData, FactorDraft, StarterReference } from '../domain/demo/seed-data.js';
import type { Scalar } from '../domain/modules/types.js';

/** The two demo years, both open to users. */
export const DEMO_YEARS = [2024, 2025];
/** Swiss consumption mix, kg CO2-eq/kWh (order of magnitude used by the reference's docs, BAFU 2025). */
const ELECTRICITY_EF = 0.097;
/** Usage hours per week when an entry gives none (DEMO defaults). */
const DEFAULT_HOURS = { active_usage_hours_per_week: 40, standby_usage_hours_per_week: 128 };

/** `dist/seed-data` beside the bundle (`node dist/main.js`) or `core-api/seed-data` from the sources. */
export function seedDataDir(): string {
  const candidates = ['./seed-data/', '../seed-data/', '../../seed-data/'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  const found = candidates.find((dir) => existsSync(`${dir}demo-factors.json`));
  if (!found) throw new Error(`demo seed data not found (looked in ${candidates.join(', ')})`);
  return found;
}

const csv = (dir: string, file: string) => parse(readFileSync(`${dir}${file}`, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
const json = <T>(dir: string, file: string) => JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as T;
const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : Number(s));

const equipmentSubmodule = (category: string): SubmoduleKey =>
  category === 'Scientific equipment' ? 'equipment/scientific' : category.startsWith('IT') ? 'equipment/it' : 'equipment/other';

/** One factor per class/sub-class with a measured power (first column pair, else the second; first row wins). */
export function equipmentFactors(rows: Record<string, string>[]): Omit<FactorDraft, 'year'>[] {
  const seen = new Set<string>();
  const out: Omit<FactorDraft, 'year'>[] = [];
  for (const r of rows) {
    const active = num(r['Avg Power Active W_1']) ?? num(r['Avg Power Active W_2']);
    const standby = num(r['Avg Power Standby W_1']) ?? num(r['Avg Power Standby W_2']);
    const equipmentClass = r['Class CD13']?.replace(/\s+/g, ' ').trim();
    if (active === undefined || standby === undefined || !equipmentClass) continue;
    const submodule = equipmentSubmodule(r.Category ?? '');
    const subClass = r['Sub-class']?.replace(/\s+/g, ' ').trim() || null;
    const key = `${submodule}|${equipmentClass}|${subClass}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      submodule,
      emissionType: null,
      classification: { equipment_class: equipmentClass, ...(subClass ? { sub_class: subClass } : {}) },
      values: { active_power_w: active, standby_power_w: standby, ef_kg_co2eq_per_kwh: ELECTRICITY_EF, ...DEFAULT_HOURS },
      unit: 'kg CO2-eq/kWh',
      source: `Power: reference user documentation (equipment_power_table.csv); electricity EF ${ELECTRICITY_EF} and default hours: DEMO VALUES`,
    });
  }
  return out;
}

export function processGasFactors(rows: Record<string, string>[]): Omit<FactorDraft, 'year'>[] {
  return rows.map((r) => ({
    submodule: 'process-emissions/gases',
    emissionType: null,
    classification: { category: r.category ?? '', ...(r.subcategory ? { subcategory: r.subcategory } : {}) },
    values: { ef_kg_co2eq_per_unit: Number(r.ef_kg_co2eq_per_unit) },
    unit: r.unit || 'kg',
    source: 'IPCC AR5 GWP100 (process_gas_gwp_ar5.csv)',
  }));
}

export function combustionFactors(rows: Record<string, string>[]): Omit<FactorDraft, 'year'>[] {
  return rows.map((r) => ({
    submodule: 'buildings/combustion',
    emissionType: null,
    classification: { name: r.name ?? '', unit: r.unit ?? '' },
    values: { ef_kg_co2eq_per_unit: Number(r.ef_kg_co2eq_per_unit), source_year: Number(r.source_year) },
    unit: `kg CO2-eq/${r.unit}`,
    source: `Labos 1point5 / reference user docs (combustion_fuels.csv): ${r.description ?? ''}`.trim(),
  }));
}

/** The world's airports with an IATA code (OurAirports, public domain; see PROVENANCE.md). */
export function airportRows(rows: Record<string, string>[]): AirportDraft[] {
  return rows.map((r) => ({
    iata: r.iata ?? '',
    name: r.name ?? '',
    municipality: r.municipality || null,
    countryCode: r.country_code ?? '',
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
    kind: r.kind || null,
  }));
}

interface DemoFactorFile {
  factors: { submodule: string; emissionType?: string; classification: Record<string, Scalar>; values: Record<string, Scalar>; unit?: string; source: string }[];
}
interface DemoEntryFile {
  unit: string;
  years: Record<string, { validate: ModuleKey[]; entries: { submodule: string; author?: string; data: Record<string, unknown> }[] }>;
}

const submodule = (key: string): SubmoduleKey => {
  if (!isSubmoduleKey(key)) throw new Error(`demo seed data names an unknown submodule ${key}`);
  return key;
};

/** Reads the seed files (`seed-data/`, see PROVENANCE.md there) into what the seed writes. */
export function loadDemoSeedData(dir = seedDataDir()): DemoSeedData {
  const demo = json<DemoFactorFile>(dir, 'demo-factors.json');
  const perYear: Omit<FactorDraft, 'year'>[] = [
    ...equipmentFactors(csv(dir, 'equipment_power_table.csv')),
    ...processGasFactors(csv(dir, 'process_gas_gwp_ar5.csv')),
    ...combustionFactors(csv(dir, 'combustion_fuels.csv')),
    ...demo.factors.map((f) => ({ submodule: submodule(f.submodule), emissionType: f.emissionType ?? null, classification: f.classification, values: f.values, unit: f.unit ?? null, source: f.source })),
  ];
  const entries = json<DemoEntryFile>(dir, 'demo-entries.json');
  return {
    years: DEMO_YEARS,
    factors: DEMO_YEARS.flatMap((year) => perYear.map((f) => ({ ...f, year }))),
    reference: { ...json<Omit<StarterReference, 'airports'>>(dir, 'demo-reference.json'), airports: airportRows(csv(dir, 'airports.csv')) },
    unit: entries.unit,
    entries: Object.entries(entries.years).map(([year, y]) => ({
      year: Number(year),
      validate: y.validate,
      entries: y.entries.map((e) => ({ ...e, submodule: submodule(e.submodule) })),
    })),
  };
}
