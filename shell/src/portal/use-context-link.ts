import type { RouteLocationRaw } from 'vue-router';
import { usePortalContext } from '../context-key.js';
import { withContextParams } from './context-params.js';
import type { LayoutArea } from './layout.js';

/** Links to areas that carry the current context (so they open the same unit and year, also in a new tab). */
export function useContextLink(): (area: LayoutArea) => RouteLocationRaw {
  const context = usePortalContext();
  return (area) => ({ path: area.prefix, query: withContextParams({}, area.context, { unit: context.unit, year: context.year }) });
}
