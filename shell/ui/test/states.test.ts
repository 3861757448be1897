import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ApiError } from '@co2/shell-sdk';
import UiEmptyState from '../src/states/UiEmptyState.vue';
import UiErrorState from '../src/states/UiErrorState.vue';
import UiLoadingState from '../src/states/UiLoadingState.vue';
import UiNotFound from '../src/states/UiNotFound.vue';
import { contrast } from './contrast.js';
import { mountUi } from './support.js';

const routerAt = async (path: string) => {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'home', component: { template: '<p/>' } }, { path: '/:rest(.*)*', component: { template: '<p/>' } }] });
  await router.push(path);
  return router;
};

describe('UiLoadingState', () => {
  it('is a polite status with a localized text', () => {
    const { wrapper } = mountUi(UiLoadingState, { locale: 'de' });
    expect(wrapper.attributes('role')).toBe('status');
    expect(wrapper.text()).toBe('Wird geladen…');
    expect(mountUi(UiLoadingState, { props: { label: 'Loading trips…' } }).wrapper.text()).toBe('Loading trips…');
  });
});

describe('UiErrorState', () => {
  const error = new ApiError({ status: 403, code: 'forbidden', message: 'user.standard may not read unit ENV', details: [{ path: 'params.unit', message: 'not yours' }] });

  it('is an alert with the explanation of the code, the server message, its details and the code', () => {
    const { wrapper } = mountUi(UiErrorState, { props: { error }, locale: 'fr' });
    expect(wrapper.attributes('role')).toBe('alert');
    expect(wrapper.text()).toContain('Votre rôle ne le permet pas.');
    expect(wrapper.get('[data-testid="ui-error-message"]').text()).toBe('user.standard may not read unit ENV');
    expect(wrapper.get('[data-testid="ui-error-details"]').text()).toBe('params.unit not yours');
    expect(wrapper.get('[data-testid="ui-error-code"]').text()).toBe('Code d’erreur : forbidden');
    expect(wrapper.find('[data-testid="ui-error-retry"]').exists()).toBe(false);
  });

  it('when retryable, then its button emits retry; an unknown code gets the generic title', async () => {
    const { wrapper } = mountUi(UiErrorState, { props: { error: new ApiError({ status: 500, code: 'internal', message: 'boom' }), retryable: true } });
    expect(wrapper.text()).toContain('Something went wrong.');
    await wrapper.get('[data-testid="ui-error-retry"]').trigger('click');
    expect(wrapper.emitted('retry')).toHaveLength(1);
  });

  it('keeps AA contrast for its text', () => {
    expect(contrast('red-10', 'red-1')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('UiEmptyState', () => {
  it('shows a title, what to do and an action link', async () => {
    const router = await routerAt('/');
    const { wrapper } = mountUi(UiEmptyState, {
      props: { title: 'No trips yet', body: 'Add your first trip or import a CSV file.', to: { name: 'home' }, actionLabel: 'Add a trip' },
      global: { plugins: [router] },
    });
    expect(wrapper.text()).toContain('No trips yet');
    expect(wrapper.text()).toContain('Add your first trip or import a CSV file.');
    expect(wrapper.get('[data-testid="ui-empty-action"]').attributes('href')).toBe('/');
  });

  it('takes any action through its slot', () => {
    const { wrapper } = mountUi(UiEmptyState, { props: { title: 'Empty' }, slots: { action: '<button data-testid="mine">Import</button>' } });
    expect(wrapper.get('[data-testid="mine"]').text()).toBe('Import');
  });
});

describe('UiNotFound', () => {
  it('says "page not found" in the user language with a link back', async () => {
    const router = await routerAt('/travel/xyz');
    const { wrapper } = mountUi(UiNotFound, { props: { to: { name: 'home' } }, locale: 'fr', global: { plugins: [router] } });
    expect(wrapper.get('h1').text()).toBe('Page introuvable');
    const back = wrapper.get('[data-testid="ui-not-found-back"]');
    expect(back.element.tagName).toBe('A');
    expect(back.attributes('href')).toBe('/');
    expect(back.text()).toContain('Retour à la page d’accueil');
  });
});
