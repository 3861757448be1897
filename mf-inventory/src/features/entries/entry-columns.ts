import type { Entry } from '@co2/contracts';
import { formatDate, formatKg, formatNumber, type UiColumn } from '@co2/ui';
import { enumLabel, type SubmoduleView } from './submodule-views.js';

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** A data cell as text: numbers in the locale's format, the rest as written. */
export function dataCell(value: unknown, locale: string): string {
  if (typeof value === 'number') return formatNumber(value, locale);
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Whether an entry is above its submodule's threshold (none: never). */
export const aboveThreshold = (entry: Pick<Entry, 'totalKgCo2eq'>, thresholdKg: number | null): boolean => thresholdKg !== null && entry.totalKgCo2eq > thresholdKg;

/** A short name of an entry for buttons and the explain drawer: its first data column. */
export function entryLabel(entry: Pick<Entry, 'data'>, view: SubmoduleView, locale: string): string {
  const key = view.columns.find((c) => entry.data[c] !== undefined && entry.data[c] !== null && entry.data[c] !== '');
  return key ? dataCell(entry.data[key], locale) : '—';
}

/** The columns of a submodule's table: its data columns, then kg (sortable), status and note, then when added. */
export function entryColumns(view: SubmoduleView, t: Translate, locale: string): UiColumn<Entry>[] {
  const data = view.columns.map(
    (key): UiColumn<Entry> => ({ name: `data-${key}`, label: t(`fields.${key}`), field: (row) => row.data[key], format: (value) => enumLabel(key, value, locale) ?? dataCell(value, locale), align: 'left' }),
  );
  return [
    ...data,
    { name: 'kg', label: t('entries.kg'), field: 'totalKgCo2eq', align: 'right', sortable: true, sortKey: 'totalKgCo2eq', format: (v) => formatKg(Number(v), locale) },
    { name: 'status', label: t('entries.status'), field: 'status' },
    { name: 'note', label: t('entries.note'), field: 'note', class: 'inventory-note' },
    { name: 'added', label: t('entries.added'), field: 'createdAt', sortable: true, sortKey: 'createdAt', format: (v) => formatDate(String(v), locale) },
  ];
}
