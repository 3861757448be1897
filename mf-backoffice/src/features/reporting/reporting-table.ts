// The reporting table's columns (pure, given the translate and format functions).
import type { ReportingRow } from '@co2/contracts';
import { formatTonnes, type UiColumn } from '@co2/ui';
import { camel, largestModule } from './reporting-view.js';

type T = (key: string, named?: Record<string, unknown>) => string;
const NARROW_HIDDEN = { class: 'gt-xs', headerClass: 'gt-xs' } as const;

export function reportingColumns(t: T, locale: string): UiColumn<ReportingRow>[] {
  return [
    { name: 'unit', label: t('reporting.column.unit'), field: (r) => r.unit.code, align: 'left' },
    { name: 'affiliation', ...NARROW_HIDDEN, label: t('reporting.column.affiliation'), field: (r) => r.unit.parentCode ?? '—', align: 'left' },
    { name: 'status', label: t('reporting.column.status'), field: 'status', align: 'left' },
    { name: 'validated', ...NARROW_HIDDEN, label: t('reporting.column.validatedModules'), field: 'validatedModules', align: 'right', format: (v, r) => `${String(v)} / ${r.modules.length}` },
    { name: 'tonnes', label: t('reporting.column.tonnes'), field: 'validatedTonnesCo2eq', align: 'right', format: (v) => formatTonnes(Number(v), locale) },
    {
      name: 'largest',
      ...NARROW_HIDDEN,
      label: t('reporting.column.largest'),
      field: (r) => largestModule(r),
      align: 'left',
      format: (v) => {
        const top = v as ReturnType<typeof largestModule>;
        return top ? `${t(`years.module.${camel(top.module)}`)} (${formatTonnes(top.tonnes, locale)})` : '—';
      },
    },
  ];
}
