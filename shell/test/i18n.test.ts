import { describe, expect, it } from 'vitest';
import type { MessageTree } from '@co2/shell-sdk';
import { messages } from '../src/i18n/messages.js';
import { createTranslate, interpolate, lookup } from '../src/i18n/translate.js';
import { applyLocale, initialLocale } from '../src/session/locale.js';

function keys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

describe('shell messages', () => {
  it('French and German have exactly the English keys', () => {
    expect(keys(messages.fr).sort()).toEqual(keys(messages.en).sort());
    expect(keys(messages.de).sort()).toEqual(keys(messages.en).sort());
  });
});

describe('translate', () => {
  it('looks up dotted keys, interpolates, falls back to English then to the key', () => {
    let locale: 'en' | 'fr' | 'de' = 'fr';
    const t = createTranslate({ en: { a: { b: 'Hi {name}' }, only: 'English only' }, fr: { a: { b: 'Salut {name}' } }, de: {} }, () => locale);
    expect(t('a.b', { name: 'Ada' })).toBe('Salut Ada');
    expect(t('only')).toBe('English only');
    expect(t('missing.key')).toBe('missing.key');
    locale = 'de';
    expect(t('a.b', { name: 'Ada' })).toBe('Hi Ada');
    expect(lookup({ a: { b: 'x' } }, 'a')).toBeUndefined();
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('locale', () => {
  it('prefers the stored choice, then the browser, and stores what applyLocale sets on <html lang>', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(initialLocale(storage, ['de-CH'])).toBe('de');
    applyLocale('fr', storage, document.documentElement);
    expect(document.documentElement.lang).toBe('fr');
    expect(initialLocale(storage, ['de-CH'])).toBe('fr');
    const broken = { getItem: () => { throw new Error('denied'); } };
    expect(initialLocale(broken, ['en-GB'])).toBe('en');
  });
});
