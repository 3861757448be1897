import { defineComponent, getCurrentInstance, h, onUnmounted, ref, render } from 'vue';
import UiConfirmDialog from './UiConfirmDialog.vue';

export interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel?: string;
  cancelLabel?: string;
  /** A destructive action: red confirm button, focus starts on Cancel. */
  danger?: boolean;
}

/**
 * `const confirm = useConfirm()` in a component's setup, then `if (await confirm({ title, message, danger: true }))`.
 * Each call renders a UiConfirmDialog with the caller's app context (its Quasar and i18n), without a host component or
 * Quasar's Dialog plugin; it resolves `false` on cancel, Esc, backdrop, or when the calling component unmounts.
 */
export function useConfirm(): (options: ConfirmOptions) => Promise<boolean> {
  const instance = getCurrentInstance();
  if (!instance) throw new Error('useConfirm() must be called inside setup()');
  const { appContext } = instance;
  const openDialogs = new Set<() => void>();
  onUnmounted(() => [...openDialogs].forEach((close) => close()));

  return (options) =>
    new Promise<boolean>((resolve) => {
      const container = document.createElement('div');
      let settled = false;
      const settle = (value: boolean) => {
        if (!settled) resolve(value);
        settled = true;
      };
      const dispose = () => {
        settle(false);
        openDialogs.delete(dispose);
        render(null, container);
      };
      const Host = defineComponent(() => {
        const open = ref(true);
        return () =>
          h(UiConfirmDialog, {
            ...options,
            modelValue: open.value,
            'onUpdate:modelValue': (value: boolean) => (open.value = value),
            onConfirm: () => settle(true),
            onCancel: () => settle(false),
            onHide: dispose,
          });
      });
      const vnode = h(Host);
      vnode.appContext = appContext;
      openDialogs.add(dispose);
      render(vnode, container);
    });
}
