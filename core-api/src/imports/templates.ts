import { SUBMODULE_KEYS, type SubmoduleKey } from '@co2/contracts';
import { submoduleDefinition } from '../domain/modules/registry.js';
import { DATA_FORMATS, importFormat, type DataFormatId, type FormatId } from './formats/index.js';
import type { ImportMode } from './formats/types.js';

export interface TemplateRequest {
  format: FormatId;
  mode?: ImportMode;
  /** Factor templates: the submodule whose lookup keys form the classification columns. */
  submodule?: SubmoduleKey;
  /** Start with a UTF-8 byte-order mark so spreadsheet programs open accents right (default true). */
  bom?: boolean;
}

export interface CsvTemplate {
  filename: string;
  columns: string[];
  /** Header line and one example row, comma-separated, CRLF line ends. */
  content: string;
}

const quote = (v: string) => (/[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
const line = (values: string[]) => values.map(quote).join(',');

/** The downloadable template of a format: its header (in the reference's column order) and an example row. */
export function csvTemplate(request: TemplateRequest): CsvTemplate {
  const ctx = { mode: request.mode ?? 'unit-specific', submodule: request.submodule, year: undefined };
  const format = importFormat(request.format);
  const columns = format.templateColumns(ctx);
  const example = format.example(ctx);
  const content = `${request.bom === false ? '' : '\uFEFF'}${line(columns)}\r\n${line(columns.map((c) => example[c] ?? ''))}\r\n`;
  const scope = request.format === 'factors' ? `-${(request.submodule ?? 'professional-travel/plane').replace('/', '-')}` : '';
  return { filename: `${request.format}${scope}${ctx.mode === 'per-year' ? '-per-year' : ''}-template.csv`, columns, content };
}

/** Every template the portal offers: each data format in both modes, and factors per (non-derived) submodule. */
export function templateCatalogue(): TemplateRequest[] {
  const data = (Object.keys(DATA_FORMATS) as DataFormatId[]).flatMap((format) =>
    (['unit-specific', 'per-year'] as const).map((mode) => ({ format, mode })),
  );
  const factors = SUBMODULE_KEYS.filter((k) => !submoduleDefinition(k).derived).map((submodule) => ({ format: 'factors' as const, submodule }));
  return [...data, ...factors];
}
