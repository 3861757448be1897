import type { LocaleLoaders } from '@co2/shell-sdk/i18n';
import { withUiLocaleMessages } from '@co2/ui';

/** Each language is its own chunk, downloaded when the portal shows it (with the UI kit's texts merged in). */
export const localeLoaders: LocaleLoaders = {
  en: () => import('./travel-en.js').then((m) => withUiLocaleMessages('en', m.travelEn)),
  fr: () => import('./travel-fr.js').then((m) => withUiLocaleMessages('fr', m.travelFr)),
  de: () => import('./travel-de.js').then((m) => withUiLocaleMessages('de', m.travelDe)),
};
