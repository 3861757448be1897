import { watch, type App } from 'vue';
import { createI18n, type I18n } from 'vue-i18n';
import type { Locale, PortalContext } from './context.js';
import type { MessageTree, RemoteMessages } from './messages.js';

export type { MessageTree, RemoteMessages } from './messages.js';

export interface RemoteI18n {
  readonly i18n: I18n<RemoteMessages, Record<string, never>, Record<string, never>, Locale, false>;
  /** `app.use(remoteI18n)`: installs vue-i18n and keeps its locale in step with `context.locale` until the app unmounts. */
  install(app: App): void;
}

/** A vue-i18n instance (composition mode) for a remote's own messages that follows the portal's locale. */
export function useRemoteI18n(context: Readonly<Pick<PortalContext, 'locale'>>, messages: RemoteMessages): RemoteI18n {
  const i18n: RemoteI18n['i18n'] = createI18n({ legacy: false, locale: context.locale, fallbackLocale: 'en' as Locale, messages });
  return {
    i18n,
    install(app) {
      app.use(i18n);
      const stop = watch(
        () => context.locale,
        (locale) => {
          i18n.global.locale.value = locale;
        },
      );
      app.onUnmount(stop);
    },
  };
}

/** One loader per portal language, each a dynamic `import()` so that a language is its own chunk. */
export type LocaleLoaders = Record<Locale, () => Promise<MessageTree>>;

/**
 * Like `useRemoteI18n`, but a remote downloads only the languages it shows: English (the fallback) and the
 * portal's language at mount, any other when the user switches to it (the texts follow once it has arrived).
 */
export async function loadRemoteI18n(context: Readonly<Pick<PortalContext, 'locale'>>, loaders: LocaleLoaders): Promise<RemoteI18n> {
  const loaded = new Map<Locale, Promise<MessageTree>>();
  const load = (locale: Locale): Promise<MessageTree> => {
    let messages = loaded.get(locale);
    if (!messages) {
      messages = loaders[locale]();
      loaded.set(locale, messages);
    }
    return messages;
  };
  const start = context.locale;
  const [en, current] = await Promise.all([load('en'), load(start)]);
  const i18n: RemoteI18n['i18n'] = createI18n({
    legacy: false,
    locale: start,
    fallbackLocale: 'en' as Locale,
    messages: { en, fr: {}, de: {}, [start]: current } as RemoteMessages,
  });
  return {
    i18n,
    install(app) {
      app.use(i18n);
      const stop = watch(
        () => context.locale,
        async (locale) => {
          const messages = await load(locale);
          i18n.global.setLocaleMessage(locale, messages);
          if (context.locale === locale) i18n.global.locale.value = locale;
        },
      );
      app.onUnmount(stop);
    },
  };
}
