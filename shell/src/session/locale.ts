import { pickLocale, type Locale } from '@co2/shell-sdk';

const STORAGE_KEY = 'co2.locale';

export function initialLocale(storage: Pick<Storage, 'getItem'> | null, languages: readonly string[]): Locale {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // storage disabled (privacy mode): fall back to the browser languages
  }
  return pickLocale(stored, languages);
}

/** Remembers the choice and tells assistive technology and the browser which language the page is in. */
export function applyLocale(locale: Locale, storage: Pick<Storage, 'setItem'> | null, root: HTMLElement): void {
  root.lang = locale;
  try {
    storage?.setItem(STORAGE_KEY, locale);
  } catch {
    // not persisted; the page still switches
  }
}
