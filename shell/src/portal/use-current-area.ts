import { computed, type ComputedRef } from 'vue';
import { useRoute } from 'vue-router';
import { contextSources, useShellState } from '../shell-state.js';
import { areaAccess, type AreaAccess } from './access.js';
import { readContextParams } from './context-params.js';
import { areaForPath, type LayoutArea } from './layout.js';

/** The area the address is in (if any) and whether it may open there, for the shell's own components. */
export function useCurrentArea(): { area: ComputedRef<LayoutArea | undefined>; access: ComputedRef<AreaAccess | null> } {
  const route = useRoute();
  const state = useShellState();
  const area = computed(() => areaForPath(route.path));
  const access = computed(() => {
    if (!area.value || state.session.status !== 'signed-in') return null;
    return areaAccess(area.value, contextSources(state), readContextParams(route.query));
  });
  return { area, access };
}
