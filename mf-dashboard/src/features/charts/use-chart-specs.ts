import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Benchmark, Evolution, ModuleKey, Results } from '@co2/contracts';
import { additionalChart, benchmarkChart, byModuleChart, byScopeChart, evolutionChart, itChart, type ChartLabels } from './chart-spec.js';

/** The localized chart labels (modules, categories, scopes, IT groups). */
export function useChartLabels() {
  const { t, te } = useI18n();
  return computed<ChartLabels>(() => ({
    module: (m: ModuleKey) => t(`modules.names.${m}`),
    category: (c: string) => (te(`categories.${c}`) ? t(`categories.${c}`) : c),
    scope: (s) => t(`scopes.${s}`),
    itGroup: (g) => t(`it.${g}`),
    year: (y: number) => String(y),
  }));
}

/** The dashboard's standing charts for results and the evolution, with localized titles. */
export function useChartSpecs(results: Ref<Results>, evolution: Ref<Evolution>, benchmark: Ref<Benchmark>) {
  const { t } = useI18n();
  const labels = useChartLabels();
  const specs = computed(() => ({
    module: byModuleChart(results.value, t('charts.byModule'), labels.value),
    scope: byScopeChart(results.value, t('charts.byScope'), labels.value),
    it: itChart(results.value, t('charts.it'), labels.value),
    evolution: evolutionChart(evolution.value, t('charts.evolution'), labels.value),
    additional: additionalChart(results.value, t('charts.additional'), labels.value),
    perFte: benchmarkChart(benchmark.value, t('perFte.title'), { unit: t('perFte.unit'), institution: t('perFte.institution'), objective: t('perFte.objective') }),
  }));
  return { labels, specs };
}
