import { inject, reactive, type InjectionKey } from 'vue';
import type { Unit } from '@co2/contracts';
import type { Session } from './session/session.js';
import type { ContextSources } from './portal/access.js';
import type { AreaState } from './portal/area-state.js';
import type { LayoutArea } from './portal/layout.js';
import type { YearOption } from './portal/years.js';

/** Session, what the user may work on, and per-area state of the shell; the portal controller writes the area states. */
export interface ShellState {
  session: Session;
  areas: Partial<Record<LayoutArea['name'], AreaState>>;
  /** A newer version of a remote already loaded in this page (its version): the area offers a reload. */
  updates: Partial<Record<LayoutArea['name'], string>>;
  /** Units the API lets this user see (every level, path order); null until loaded (or when they could not be). */
  units: Unit[] | null;
  /** Years the API lists for this user; null until loaded (or when they could not be loaded). */
  years: YearOption[] | null;
  /** Settles once the session and the context sources are known (the router's guards wait for it). */
  readonly ready: Promise<void>;
  markReady(): void;
  setArea(name: LayoutArea['name'], state: AreaState): void;
  setUpdate(name: LayoutArea['name'], version: string): void;
  onRetry(handler: (name: LayoutArea['name']) => void): void;
  retry(name: LayoutArea['name']): void;
}

export function createShellState(): ShellState {
  let retryHandler: ((name: LayoutArea['name']) => void) | null = null;
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const state: ShellState = reactive({
    session: { status: 'loading' },
    areas: {},
    updates: {},
    units: null,
    years: null,
    ready,
    markReady: () => markReady(),
    setArea(name, areaState) {
      state.areas[name] = areaState;
    },
    setUpdate(name, version) {
      state.updates[name] = version;
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

/** The roles, units and years that decide which areas and contexts the signed-in user may open. */
export function contextSources(state: Pick<ShellState, 'session' | 'units' | 'years'>): ContextSources {
  return { roles: state.session.status === 'signed-in' ? state.session.user.roles : [], units: state.units, years: state.years };
}

export const SHELL_STATE: InjectionKey<ShellState> = Symbol('shell-state');

export function useShellState(): ShellState {
  const state = inject(SHELL_STATE);
  if (!state) throw new Error('Shell state not provided');
  return state;
}
