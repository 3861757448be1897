/** The Intl locale behind each portal language: Swiss French and German German, both with a decimal comma. */
export const INTL_LOCALES = { en: 'en-GB', fr: 'fr-CH', de: 'de-DE' } as const;

export type PortalLanguage = keyof typeof INTL_LOCALES;

/** `fr` → `fr-CH`; a full tag (`de-CH`) is kept; anything else falls back to `en-GB`. */
export function intlLocale(locale: string): string {
  if (locale in INTL_LOCALES) return INTL_LOCALES[locale as PortalLanguage];
  return /^[a-z]{2,3}-[A-Z]{2}$/.test(locale) ? locale : INTL_LOCALES.en;
}

/** The decimal separator of a locale (`.` in en, `,` in fr/de). */
export function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale)).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}
