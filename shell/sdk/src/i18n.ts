import { watch, type App } from 'vue';
import { createI18n, type I18n } from 'vue-i18n';
import type { Locale, PortalContext } from './context.js';
import type { RemoteMessages } from './messages.js';

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
