import { describe, expect, it } from 'vitest';
import { createApp, nextTick, reactive } from 'vue';
import type { Locale } from '../src/context.js';
import { loadRemoteI18n, type LocaleLoaders } from '../src/i18n.js';

const TEXTS = { en: 'Factors', fr: 'Facteurs', de: 'Faktoren' } as const;

function countingLoaders() {
  const calls: Locale[] = [];
  const loader = (locale: Locale) => async () => {
    calls.push(locale);
    return { title: TEXTS[locale] };
  };
  const loaders: LocaleLoaders = { en: loader('en'), fr: loader('fr'), de: loader('de') };
  return { calls, loaders };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await nextTick();
};

describe('loadRemoteI18n', () => {
  it('when a remote mounts in French, then only English (the fallback) and French are loaded', async () => {
    const { calls, loaders } = countingLoaders();
    const remote = await loadRemoteI18n({ locale: 'fr' }, loaders);
    expect(calls.sort()).toEqual(['en', 'fr']);
    expect(remote.i18n.global.t('title')).toBe('Facteurs');
  });

  it('when the portal switches to German, then German is loaded once and the texts follow', async () => {
    const { calls, loaders } = countingLoaders();
    const context = reactive({ locale: 'en' as Locale });
    const remote = await loadRemoteI18n(context, loaders);
    const app = createApp({ render: () => null });
    app.use(remote);
    expect(remote.i18n.global.t('title')).toBe('Factors');

    context.locale = 'de';
    await settle();
    expect(remote.i18n.global.t('title')).toBe('Faktoren');
    context.locale = 'en';
    await settle();
    context.locale = 'de';
    await settle();
    expect(remote.i18n.global.t('title')).toBe('Faktoren');
    expect(calls.filter((l) => l === 'de')).toHaveLength(1);
    expect(calls).not.toContain('fr');
  });
});
