/** What an area shows besides the remote itself. */
export type AreaState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'mounted' }
  | { status: 'unavailable'; reason: 'not-registered' | 'load-error' | 'broken' };

/** Maps a single-spa application status (`getAppStatus`) to what the area shows; `null` = not registered. */
export function areaStateFromAppStatus(status: string | null): AreaState {
  switch (status) {
    case null:
      return { status: 'unavailable', reason: 'not-registered' };
    case 'MOUNTED':
      return { status: 'mounted' };
    case 'LOAD_ERROR':
      return { status: 'unavailable', reason: 'load-error' };
    case 'SKIP_BECAUSE_BROKEN':
      return { status: 'unavailable', reason: 'broken' };
    case 'NOT_LOADED':
    case 'NOT_MOUNTED':
    case 'UNMOUNTING':
    case 'UNLOADING':
      return { status: 'idle' };
    default:
      // LOADING_SOURCE_CODE, NOT_BOOTSTRAPPED, BOOTSTRAPPING, MOUNTING
      return { status: 'loading' };
  }
}

export interface Lifecycle {
  bootstrap: (props: object) => Promise<unknown>;
  mount: (props: object) => Promise<unknown>;
  unmount: (props: object) => Promise<unknown>;
}

/** The exposed `./lifecycle` module must provide single-spa's three functions. */
export function assertLifecycle(name: string, module: unknown): Lifecycle {
  const candidate = module as Partial<Record<keyof Lifecycle, unknown>> | null | undefined;
  for (const key of ['bootstrap', 'mount', 'unmount'] as const) {
    if (typeof candidate?.[key] !== 'function') throw new Error(`${name}/lifecycle does not export ${key}()`);
  }
  return candidate as Lifecycle;
}

/** Rejects when the promise does not settle in time (a hanging remote entry must not hang its area). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
