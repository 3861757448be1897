import { inject, reactive, type InjectionKey } from 'vue';
import type { Session } from './session/session.js';
import type { AreaState } from './portal/area-state.js';
import type { LayoutArea } from './portal/layout.js';
import type { YearOption } from './portal/years.js';

/** Session and per-area state of the shell; the portal controller (single-spa side) writes the area states. */
export interface ShellState {
  session: Session;
  areas: Partial<Record<LayoutArea['name'], AreaState>>;
  /** Years the API lists for this user; null until loaded (or when it could not be loaded). */
  years: YearOption[] | null;
  setArea(name: LayoutArea['name'], state: AreaState): void;
  onRetry(handler: (name: LayoutArea['name']) => void): void;
  retry(name: LayoutArea['name']): void;
}

export function createShellState(): ShellState {
  let retryHandler: ((name: LayoutArea['name']) => void) | null = null;
  const state: ShellState = reactive({
    session: { status: 'loading' },
    areas: {},
    years: null,
    setArea(name, areaState) {
      state.areas[name] = areaState;
    },
    onRetry(handler) {
      retryHandler = handler;
    },
    retry(name) {
      state.areas[name] = { status: 'loading' };
      retryHandler?.(name);
    },
  });
  return state;
}

export const SHELL_STATE: InjectionKey<ShellState> = Symbol('shell-state');

export function useShellState(): ShellState {
  const state = inject(SHELL_STATE);
  if (!state) throw new Error('Shell state not provided');
  return state;
}
