import type { Locale, MessageTree, RemoteMessages } from '@co2/shell-sdk';
import { uiDe } from './ui-de.js';
import { uiEn } from './ui-en.js';
import { uiFr } from './ui-fr.js';

/** The kit's own texts under the `ui` key, in every portal language. */
export const uiMessages = {
  en: { ui: uiEn },
  fr: { ui: uiFr },
  de: { ui: uiDe },
} satisfies RemoteMessages;

/** One language of a remote's messages with the kit's merged in (for `loadRemoteI18n`, a chunk per language). */
export function withUiLocaleMessages(locale: Locale, messages: MessageTree): MessageTree {
  return deepMerge(uiMessages[locale], messages);
}

/** A remote's messages with the kit's merged in (the remote's own `ui.*` keys, if any, win): `useRemoteI18n(context, withUiMessages(messages))`. */
export function withUiMessages<M extends RemoteMessages>(messages: M): M & typeof uiMessages {
  return {
    en: deepMerge(uiMessages.en, messages.en),
    fr: deepMerge(uiMessages.fr, messages.fr),
    de: deepMerge(uiMessages.de, messages.de),
  } as M & typeof uiMessages;
}

function deepMerge(base: MessageTree, over: MessageTree): MessageTree {
  const merged: MessageTree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = merged[key];
    merged[key] = typeof value === 'object' && typeof current === 'object' ? deepMerge(current, value) : value;
  }
  return merged;
}
