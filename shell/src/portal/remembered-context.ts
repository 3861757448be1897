import type { ContextValues } from './context-params.js';

const STORAGE_KEY = 'co2.context';

/** The unit and year the user last worked on in this browser (a default only: the address always wins). */
export function readRememberedContext(storage: Pick<Storage, 'getItem'> | null): ContextValues {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null');
    const value = (raw ?? {}) as Partial<Record<keyof ContextValues, unknown>>;
    return {
      unit: typeof value.unit === 'string' ? value.unit : null,
      year: typeof value.year === 'number' && Number.isInteger(value.year) ? value.year : null,
    };
  } catch {
    return { unit: null, year: null };
  }
}

export function rememberContext(storage: Pick<Storage, 'setItem'> | null, values: ContextValues): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(values));
  } catch {
    // storage disabled: the address still carries the context
  }
}
