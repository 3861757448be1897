import { reactive, type DeepReadonly } from 'vue';
import type { BffUser } from '@co2/contracts';

export const LOCALES = ['en', 'fr', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

/** Session, locale and the unit/year the user works on. Owned (and written) by the shell; remotes read it. */
export interface PortalContext {
  locale: Locale;
  user: BffUser | null;
  /** Code of the selected unit, e.g. `LAB-CARBON`. */
  unit: string | null;
  /** Selected reporting year. */
  year: number | null;
}

/** What remotes get: the same reactive object, read-only (`readonly(context)`). */
export type PortalContextView = DeepReadonly<PortalContext>;

export function createPortalContext(initial: Partial<PortalContext> = {}): PortalContext {
  return reactive<PortalContext>({ locale: 'en', user: null, unit: null, year: null, ...initial });
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** First supported language among a stored choice and the browser's languages (`fr-CH` → `fr`), else `en`. */
export function pickLocale(stored: string | null | undefined, browserLanguages: readonly string[] = []): Locale {
  if (isLocale(stored)) return stored;
  for (const language of browserLanguages) {
    const primary = language.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return 'en';
}
