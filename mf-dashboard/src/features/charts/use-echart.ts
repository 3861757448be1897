import { onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue';
import { init, type EChartsType } from './echarts.js';

/** An ECharts instance on `el` (SVG renderer), given `option()` again whenever its sources change; resized with its box. */
export function useEChart(el: Ref<HTMLElement | null>, option: () => Record<string, unknown>) {
  const chart = shallowRef<EChartsType | null>(null);
  let observer: ResizeObserver | undefined;
  onMounted(() => {
    if (!el.value) return;
    chart.value = init(el.value, undefined, { renderer: 'svg' });
    chart.value.setOption(option());
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => chart.value?.resize());
      observer.observe(el.value);
    }
  });
  watch(option, (next) => chart.value?.setOption(next, { notMerge: true }));
  onBeforeUnmount(() => {
    observer?.disconnect();
    chart.value?.dispose();
  });
  return chart;
}
