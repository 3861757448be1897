import { defineStore } from 'pinia';
import { ref } from 'vue';
import { Me } from '@co2/contracts';
import { settle, type ApiClient, type LoadState } from '@co2/shell-sdk';

/** Who is travelling: the signed-in person and their units (trips come with the travel module). */
export const useTripsStore = defineStore('travel-trips', () => {
  const me = ref<LoadState<Me>>({ status: 'loading' });

  async function load(api: ApiClient): Promise<void> {
    me.value = { status: 'loading' };
    me.value = await settle(() => api.get('/v1/me', Me));
  }

  return { me, load };
});
