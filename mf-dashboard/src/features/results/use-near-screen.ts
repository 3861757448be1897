import { onBeforeUnmount, ref, watch, type Ref } from 'vue';

/**
 * Becomes true (once, for good) when `el` comes into the viewport (widened by `margin`); true at once where the browser
 * has no IntersectionObserver. Used to fetch heavy parts (the charts) only when the reader gets near them.
 */
export function useNearScreen(el: Ref<HTMLElement | null>, margin = '0px'): Ref<boolean> {
  const near = ref(typeof IntersectionObserver === 'undefined');
  let observer: IntersectionObserver | undefined;
  const stop = watch(
    el,
    (target) => {
      observer?.disconnect();
      if (!target || near.value) return;
      observer = new IntersectionObserver((entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        near.value = true;
        observer?.disconnect();
      }, { rootMargin: margin });
      observer.observe(target);
    },
    { immediate: true, flush: 'post' },
  );
  onBeforeUnmount(() => {
    stop();
    observer?.disconnect();
  });
  return near;
}
