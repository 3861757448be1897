// ECharts, tree-shaken: only the chart types and components the dashboard draws (loaded with its charts only).
import { BarChart, CustomChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// No AriaComponent: each chart's container carries role="img" and an aria-label with its figures, and a table.
use([BarChart, CustomChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { init };
export type { EChartsType } from 'echarts/core';
