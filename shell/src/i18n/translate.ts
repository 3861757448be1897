import { inject, type InjectionKey } from 'vue';
import type { Locale, MessageTree, RemoteMessages } from '@co2/shell-sdk';

export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

/**
 * The shell's own texts. The shell does not load vue-i18n (it is shared with the remotes, which do): a
 * look-up with `{name}` interpolation is all its chrome needs and keeps the first screen small.
 */
export function lookup(tree: MessageTree, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function interpolate(text: string, params: Params = {}): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** `t(key)` in the current locale, falling back to English, then to the key itself (visible, never blank). */
export function createTranslate(messages: RemoteMessages, locale: () => Locale): Translate {
  return (key, params) => interpolate(lookup(messages[locale()], key) ?? lookup(messages.en, key) ?? key, params);
}

export const TRANSLATE: InjectionKey<Translate> = Symbol('shell-translate');

export function useT(): Translate {
  const t = inject(TRANSLATE);
  if (!t) throw new Error('Shell translations not provided');
  return t;
}
