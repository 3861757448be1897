// ECharts, tree-shaken: only the charts and components the travel insights use (loaded with that page only).
import { BarChart, LinesChart, PieChart } from 'echarts/charts';
import { AriaComponent, GeoComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { init, registerMap, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

use([BarChart, PieChart, LinesChart, GeoComponent, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export { init };
export type { EChartsType } from 'echarts/core';

let world: Promise<void> | null = null;

/** Registers the world outline (Natural Earth 1:110m countries, shipped by `world-atlas`) once, as map `world`. */
export function registerWorld(): Promise<void> {
  world ??= import('world-atlas/countries-110m.json').then((atlas) => {
    const topology = (atlas.default ?? atlas) as unknown as Topology<{ countries: GeometryCollection }>;
    registerMap('world', feature(topology, topology.objects.countries) as never);
  });
  return world;
}
