// The factors list's columns (pure, given the translate and format functions).
import type { Factor } from '@co2/contracts';
import { formatDateTime, intlLocale, type UiColumn } from '@co2/ui';
import { pairsText, submoduleKey, type Scalar } from './factor-view.js';

type T = (key: string) => string;
const NARROW_HIDDEN = { class: 'gt-xs', headerClass: 'gt-xs' } as const;

/** A factor value as the user reads it: numbers with the locale's decimal sign, ungrouped (years stay `2020`). */
export const valueText = (value: Scalar, locale: string) =>
  typeof value === 'number' ? new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 6, useGrouping: false }).format(value) : value === null ? '—' : String(value);

export function factorColumns(t: T, locale: string): UiColumn<Factor>[] {
  return [
    { name: 'classification', label: t('factors.column.classification'), field: (f) => pairsText(f.classification), align: 'left' },
    { name: 'submodule', label: t('factors.column.submodule'), field: 'submodule', align: 'left', format: (v) => t(submoduleKey(String(v))) },
    { name: 'values', ...NARROW_HIDDEN, label: t('factors.column.values'), field: (f) => pairsText(f.values, (v) => valueText(v, locale)), align: 'left' },
    { name: 'unit', ...NARROW_HIDDEN, label: t('factors.column.unit'), field: 'unit', align: 'left', format: (v) => (v ? String(v) : '—') },
    { name: 'updated', ...NARROW_HIDDEN, label: t('factors.column.updated'), field: 'updatedAt', align: 'left', format: (v) => formatDateTime(String(v), locale) },
  ];
}
