import { defineStore } from 'pinia';
import { ref } from 'vue';
import { Me } from '@co2/contracts';
import { parseRoleClaims, settle, type ApiClient, type LoadState } from '@co2/shell-sdk';
import { travelApi } from './travel-api.js';

/** A person of the unit's headcount, as a traveller to pick. */
export interface Traveller {
  id: string;
  name: string;
}

/** Who records trips (the signed-in person) and whom they may pick as traveller (the unit's headcount). */
export const useTripsStore = defineStore('travel-trips', () => {
  const me = ref<LoadState<Me>>({ status: 'loading' });
  const travellers = ref<Traveller[]>([]);
  let travellersOf = '';

  async function loadMe(api: ApiClient): Promise<void> {
    if (me.value.status === 'ready') return;
    me.value = await settle(() => api.get('/v1/me', Me));
  }

  /** The headcount's members of a unit and year (principals only; others keep an empty list). */
  async function loadTravellers(api: ApiClient, unit: string, year: number): Promise<void> {
    const key = `${unit}:${year}`;
    if (travellersOf === key) return;
    travellersOf = key;
    const page = await settle(() => travelApi.headcount(api, unit, year));
    travellers.value =
      page.status === 'ready'
        ? page.data.items
            .map((e) => ({ id: String(e.data.user_institutional_id ?? ''), name: String(e.data.name ?? '') }))
            .filter((p) => p.id !== '')
            .sort((a, b) => a.name.localeCompare(b.name))
        : [];
  }

  return { me, travellers, loadMe, loadTravellers };
});

/** Whether the roles claim makes the user a principal of the unit (they see and manage the unit's trips). */
export function isPrincipalOf(roles: readonly string[], unit: string | null): boolean {
  return unit !== null && parseRoleClaims(roles).some((g) => g.role === 'user.principal' && g.scope.kind === 'unit' && g.scope.unitCode === unit);
}
