import type { LocaleLoaders } from '@co2/shell-sdk/i18n';
import { withUiLocaleMessages } from '@co2/ui';

/** Each language is its own chunk, downloaded when the portal shows it (with the UI kit's texts merged in). */
export const localeLoaders: LocaleLoaders = {
  en: () => import('./backoffice-en.js').then((m) => withUiLocaleMessages('en', m.backofficeEn)),
  fr: () => import('./backoffice-fr.js').then((m) => withUiLocaleMessages('fr', m.backofficeFr)),
  de: () => import('./backoffice-de.js').then((m) => withUiLocaleMessages('de', m.backofficeDe)),
};
