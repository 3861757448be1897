import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CreatedPublishToken, RemoteAdminList } from '@co2/contracts';
import { settle, toApiError, type ApiError, type LoadState } from '@co2/shell-sdk';
import type { PortalApi } from './portal-api.js';

/** The remote registry as the administrator sees it; every action answers with the updated list. */
export const usePortalStore = defineStore('backoffice-portal', () => {
  const list = ref<LoadState<RemoteAdminList>>({ status: 'loading' });
  const actionError = ref<ApiError | null>(null);
  const busy = ref(false);
  /** The secret of a token just created: shown once. */
  const created = ref<CreatedPublishToken | null>(null);

  async function load(api: PortalApi): Promise<void> {
    list.value = { status: 'loading' };
    list.value = await settle(() => api.list());
  }

  async function act(run: () => Promise<RemoteAdminList>): Promise<boolean> {
    busy.value = true;
    actionError.value = null;
    try {
      list.value = { status: 'ready', data: await run() };
      return true;
    } catch (error) {
      actionError.value = toApiError(error);
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function createToken(api: PortalApi, remote: string, label: string): Promise<void> {
    busy.value = true;
    actionError.value = null;
    try {
      created.value = await api.createToken(remote, label);
      list.value = { status: 'ready', data: await api.list() };
    } catch (error) {
      actionError.value = toApiError(error);
    } finally {
      busy.value = false;
    }
  }

  return { list, actionError, busy, created, load, act, createToken };
});
