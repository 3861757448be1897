import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { defineComponent, h, ref } from 'vue';
import UiConfirmDialog from '../src/confirm/UiConfirmDialog.vue';
import { useConfirm, type ConfirmOptions } from '../src/confirm/use-confirm.js';
import { mountUi } from './support.js';

// QDialog moves the focus once its 300 ms transition has ended.
const settle = async () => {
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 350));
  await flushPromises();
};
const inBody = (testid: string) => document.body.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
const pressEscape = () => {
  const target = document.activeElement ?? document.body;
  for (const type of ['keydown', 'keyup']) target.dispatchEvent(new KeyboardEvent(type, { key: 'Escape', keyCode: 27, bubbles: true }));
};

enableAutoUnmount(afterEach);
// Quasar's dialog transitions end on timers: let them run before the DOM environment is torn down.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 500)));

describe('UiConfirmDialog', () => {
  const props = { modelValue: true, title: 'Delete 3 trips?', message: 'This cannot be undone.', confirmLabel: 'Delete', danger: true };

  it('is a labelled modal dialog; for a danger action the focus starts on Cancel', async () => {
    mountUi(UiConfirmDialog, { props, locale: 'de' });
    await settle();
    const dialog = document.body.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Delete 3 trips?');
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toBe('This cannot be undone.');
    expect(inBody('ui-confirm-cancel')?.textContent).toContain('Abbrechen');
    expect(document.activeElement).toBe(inBody('ui-confirm-cancel'));
    expect(inBody('ui-confirm-ok')?.classList.contains('bg-negative')).toBe(true);
  });

  it('when confirmed, then it emits confirm and closes; Esc emits cancel', async () => {
    const { wrapper } = mountUi(UiConfirmDialog, { props: { ...props, danger: false } });
    await settle();
    expect(document.activeElement).toBe(inBody('ui-confirm-ok'));
    inBody('ui-confirm-ok')!.click();
    expect(wrapper.emitted('confirm')).toHaveLength(1);
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]]);

    const other = mountUi(UiConfirmDialog, { props }).wrapper;
    await settle();
    pressEscape();
    await settle();
    expect(other.emitted('cancel')).toHaveLength(1);
    expect(other.emitted('confirm')).toBeUndefined();
  });
});

describe('useConfirm', () => {
  function mountAsker(options: ConfirmOptions) {
    const answers = ref<boolean[]>([]);
    const Asker = defineComponent(() => {
      const confirm = useConfirm();
      return () => h('button', { 'data-testid': 'ask', onClick: async () => answers.value.push(await confirm(options)) }, 'Delete');
    });
    return { ...mountUi(Asker), answers };
  }

  it('resolves true when confirmed and false on Esc, and removes the dialog; focus returns to the asking button', async () => {
    const { wrapper, answers } = mountAsker({ title: 'Delete?', message: 'Sure?', danger: true });
    const ask = wrapper.get('[data-testid="ask"]').element as HTMLButtonElement;
    ask.focus();
    ask.click();
    await settle();
    expect(inBody('ui-confirm')?.textContent).toContain('Sure?');
    inBody('ui-confirm-ok')!.click();
    await settle();
    expect(answers.value).toEqual([true]);
    expect(inBody('ui-confirm')).toBeNull();
    expect(document.activeElement).toBe(ask);

    ask.click();
    await settle();
    pressEscape();
    await settle();
    expect(answers.value).toEqual([true, false]);
    expect(inBody('ui-confirm')).toBeNull();
  });

  it('when the asking component unmounts, then an open question resolves false', async () => {
    const { wrapper, answers } = mountAsker({ title: 'Leave?', message: 'Unsaved changes.' });
    await wrapper.get('[data-testid="ask"]').trigger('click');
    await settle();
    wrapper.unmount();
    await settle();
    expect(answers.value).toEqual([false]);
  });
});
