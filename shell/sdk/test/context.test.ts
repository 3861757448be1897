import { describe, expect, it } from 'vitest';
import { createApp, defineComponent, h, nextTick, readonly } from 'vue';
import { useI18n } from 'vue-i18n';
import { createPortalContext, isLocale, pickLocale } from '../src/index.js';
import { useRemoteI18n } from '../src/i18n.js';

describe('createPortalContext', () => {
  it('starts signed out in English with no unit or year, and accepts initial values', () => {
    expect({ ...createPortalContext() }).toEqual({ locale: 'en', user: null, unit: null, year: null });
    expect(createPortalContext({ locale: 'de', year: 2025 })).toMatchObject({ locale: 'de', year: 2025 });
  });
});

describe('pickLocale', () => {
  it('prefers a stored supported locale, then the browser languages, then English', () => {
    expect(pickLocale('fr', ['de-CH'])).toBe('fr');
    expect(pickLocale('it', ['it-CH', 'de-CH', 'fr'])).toBe('de');
    expect(pickLocale(null, ['FR-ch'])).toBe('fr');
    expect(pickLocale(undefined, ['es'])).toBe('en');
    expect(isLocale('de')).toBe(true);
    expect(isLocale('DE')).toBe(false);
  });
});

describe('useRemoteI18n', () => {
  it('when the shell changes context.locale, then the remote texts follow until the remote unmounts', async () => {
    const context = createPortalContext({ locale: 'en' });
    const remoteI18n = useRemoteI18n(readonly(context), { en: { hello: 'Hello' }, fr: { hello: 'Bonjour' }, de: { hello: 'Hallo' } });
    const el = document.createElement('div');
    const app = createApp(defineComponent({ setup: () => { const { t } = useI18n(); return () => h('p', t('hello')); } }));
    app.use(remoteI18n).mount(el);
    expect(el.textContent).toBe('Hello');
    context.locale = 'fr';
    await nextTick();
    expect(el.textContent).toBe('Bonjour');
    app.unmount();
    context.locale = 'de';
    await nextTick();
    expect(remoteI18n.i18n.global.locale.value).toBe('fr');
  });
});
