import { watch, type App } from 'vue';
import type { QuasarLanguage } from 'quasar';
import langDe from 'quasar/lang/de-DE';
import langEn from 'quasar/lang/en-GB';
import langFr from 'quasar/lang/fr';
import type { Locale } from '@co2/shell-sdk';

const PACKS: Record<Locale, QuasarLanguage> = { en: langEn, fr: langFr, de: langDe };

/**
 * Keeps the texts Quasar writes itself (table pagination, "Select row", date pickers…) in the portal's
 * language. Call after `app.use(Quasar)`: each remote has its own Quasar, hence its own language setting.
 */
export function followPortalLocale(app: App, context: Readonly<{ locale: Locale }>): void {
  const set = (locale: Locale) => app.config.globalProperties.$q.lang.set(PACKS[locale]);
  set(context.locale);
  const stop = watch(() => context.locale, set);
  app.onUnmount(stop);
}
