import { describe, expect, it } from 'vitest';
import { createApp, defineComponent, h, nextTick, reactive } from 'vue';
import { Quasar, useQuasar } from 'quasar';
import type { Locale } from '@co2/shell-sdk';
import { followPortalLocale } from '../src/install/quasar-locale.js';

describe('followPortalLocale', () => {
  it('when the portal language changes, then the texts Quasar writes itself follow', async () => {
    const context = reactive<{ locale: Locale }>({ locale: 'fr' });
    let q: ReturnType<typeof useQuasar> | undefined;
    const app = createApp(defineComponent({ setup: () => ((q = useQuasar()), () => h('div')) }));
    app.use(Quasar, {});
    followPortalLocale(app, context);
    app.mount(document.createElement('div'));
    expect(q?.lang.isoName).toBe('fr');
    expect(q?.lang.table.recordsPerPage).toBe('Lignes par page :');
    context.locale = 'de';
    await nextTick();
    expect(q?.lang.isoName).toBe('de-DE');
    context.locale = 'en';
    await nextTick();
    expect(q?.lang.table.recordsPerPage).toBe('Records per page:');
    app.unmount();
  });
});
