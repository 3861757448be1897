import { computed, ref, shallowRef, watch, type ComputedRef, type Ref, type WritableComputedRef } from 'vue';
import type { RouteLocationNormalizedLoaded, Router } from 'vue-router';
import { toApiError, type ApiError } from '@co2/shell-sdk';
import type { TablePagination } from './columns.js';
import { readTableQuery, writeTableQuery, type QueryRules, type ServerTableDefaults, type ServerTableQuery } from './table-query.js';

export interface ServerTableOptions<Row, F extends string> extends QueryRules {
  /** `useRoute()` and `useRouter()` of the remote: the URL is the table's state. */
  route: RouteLocationNormalizedLoaded;
  router: Router;
  defaults: ServerTableDefaults<F>;
  /** Fetches one page, e.g. `(q) => api.get(\`/v1/…/entries?${tableSearchParams(q)}\`, EntryList)`. */
  load: (query: ServerTableQuery<F>) => Promise<{ items: Row[]; total: number }>;
}

export interface ServerTable<Row, F extends string> {
  /** v-model:pagination of UiDataTable: read from the URL, written to it (a history entry per page or sort). */
  pagination: WritableComputedRef<TablePagination>;
  filters: ComputedRef<Record<F, string | null>>;
  /** Changes filters and goes back to page 1; `replace` (default) keeps typing out of the history. */
  setFilters(patch: Partial<Record<F, string | null>>, options?: { history?: 'push' | 'replace' }): Promise<void>;
  query: ComputedRef<ServerTableQuery<F>>;
  rows: Ref<Row[]>;
  total: Ref<number>;
  loading: Ref<boolean>;
  error: Ref<ApiError | null>;
  /** Loads the current query again (after a create, delete or import). */
  reload(): Promise<void>;
}

/**
 * A server-side list whose page, page size, sort, order and filters live in the route query: changing them writes the
 * URL, and whatever the URL says (first load, Back/Forward, a shared link) is loaded. Call it in a page's setup.
 */
export function useServerTable<Row, F extends string = never>(options: ServerTableOptions<Row, F>): ServerTable<Row, F> {
  const { route, router, defaults } = options;
  const ownPath = route.path;
  const query = computed(() => readTableQuery(route.query, defaults, options));
  const rows = shallowRef<Row[]>([]) as Ref<Row[]>;
  const total = ref(0);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);
  let latest = 0;

  async function navigate(state: ServerTableQuery<F>, history: 'push' | 'replace') {
    const location = { path: route.path, query: writeTableQuery(route.query, state, defaults), hash: route.hash };
    await (history === 'push' ? router.push(location) : router.replace(location));
  }

  async function reload() {
    const request = (latest += 1);
    loading.value = true;
    try {
      const page = await options.load(query.value);
      if (request !== latest) return;
      rows.value = page.items;
      total.value = page.total;
      error.value = null;
    } catch (caught) {
      if (request === latest) error.value = toApiError(caught);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  // Leaving the page changes the route before this component unmounts: only this page's path loads.
  watch(
    () => (route.path === ownPath ? JSON.stringify(query.value) : null),
    (key) => {
      if (key !== null) void reload();
    },
    { immediate: true },
  );

  return {
    pagination: computed({
      get: () => {
        const { page, pageSize, sort, order } = query.value;
        return { page, pageSize, sort, order };
      },
      set: (next) => void navigate({ ...query.value, ...next }, 'push'),
    }),
    filters: computed(() => query.value.filters),
    setFilters: (patch, { history = 'replace' } = {}) => navigate({ ...query.value, page: 1, filters: { ...query.value.filters, ...patch } }, history),
    query,
    rows,
    total,
    loading,
    error,
    reload,
  };
}
