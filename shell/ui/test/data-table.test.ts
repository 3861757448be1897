import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter, useRoute, useRouter } from 'vue-router';
import { formatKg } from '../src/format/index.js';
import type { UiColumn } from '../src/table/columns.js';
import type { ServerTableQuery } from '../src/table/table-query.js';
import UiDataTable from '../src/table/UiDataTable.vue';
import { useServerTable } from '../src/table/use-server-table.js';
import { mountUi } from './support.js';

enableAutoUnmount(afterEach);
// Quasar's dialog transitions end on timers: let them run before the DOM environment is torn down.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 500)));

type Trip = { id: string; label: string; kg: number };
const trips = (count: number, offset = 0): Trip[] => Array.from({ length: count }, (_, i) => ({ id: `t${offset + i}`, label: `Trip ${offset + i}`, kg: (offset + i) * 400 }));

const columns: UiColumn<Trip>[] = [
  { name: 'label', label: 'Trip', field: 'label' },
  { name: 'kg', label: 'Emissions', field: 'kg', align: 'right', sortable: true, sortKey: 'totalKgCo2eq', format: (value) => formatKg(value as number, 'en'), class: (row) => (row.kg >= 1000 ? 'over' : '') },
];

function setup(path: string, load = vi.fn(async (q: ServerTableQuery<'status'>) => ({ items: trips(q.pageSize, (q.page - 1) * q.pageSize), total: 60 }))) {
  const Page = defineComponent(() => {
    const table = useServerTable<Trip, 'status'>({
      route: useRoute(),
      router: useRouter(),
      defaults: { pageSize: 10, sort: null, order: 'asc', filters: { status: null } },
      pageSizes: [10, 25],
      load,
    });
    return () => [
      table.error.value ? h('p', { 'data-testid': 'load-error' }, table.error.value.code) : null,
      h('button', { 'data-testid': 'reload', onClick: () => table.reload() }, 'Reload'),
      h(UiDataTable<Trip>, {
        columns,
        rows: table.rows.value,
        rowKey: 'id',
        total: table.total.value,
        loading: table.loading.value,
        pagination: table.pagination.value,
        pageSizes: [10, 25],
        rowClass: (row: Trip) => (row.kg >= 2000 ? 'row-over' : ''),
        'onUpdate:pagination': (next: typeof table.pagination.value) => (table.pagination.value = next),
      }, {
        top: () => h('button', { 'data-testid': 'filter-computed', onClick: () => table.setFilters({ status: 'computed' }) }, 'Computed only'),
        'cell-label': ({ row }: { row: Trip }) => h('a', { 'data-testid': `open-${row.id}` }, row.label),
      }),
    ];
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/entries', component: Page }, { path: '/other', component: { render: () => h('p', 'other') } }] });
  return { router, load, mountAt: async () => {
    await router.push(path);
    const { wrapper } = mountUi(defineComponent(() => () => h('main', [h(router.options.routes[0]!.component as never)])), { global: { plugins: [router] } });
    await flushPromises();
    return wrapper;
  } };
}

const lastQuery = (load: ReturnType<typeof vi.fn>) => load.mock.calls.at(-1)![0] as ServerTableQuery<'status'>;

describe('UiDataTable with useServerTable', () => {
  it('when the URL names a page, sort and filter, then load gets them and the table shows the rows with formatted cells', async () => {
    const { load, mountAt } = setup('/entries?page=2&sort=totalKgCo2eq&order=desc&status=computed&unit=LAB');
    const wrapper = await mountAt();
    expect(load).toHaveBeenCalledTimes(1);
    expect(lastQuery(load)).toEqual({ page: 2, pageSize: 10, sort: 'totalKgCo2eq', order: 'desc', filters: { status: 'computed' } });
    const body = wrapper.findAll('tbody tr');
    expect(body).toHaveLength(10);
    expect(body[0]!.findAll('td').map((td) => td.text())).toEqual(['Trip 10', '4\u00a0t']);
    expect(wrapper.get('[data-testid="open-t10"]').text()).toBe('Trip 10');
    expect(wrapper.get('th[aria-sort]').attributes('aria-sort')).toBe('descending');
    expect(wrapper.text()).toContain('11–20 of 60');
  });

  it('highlights rows and cells by their values', async () => {
    const wrapper = await setup('/entries').mountAt();
    const rows = wrapper.findAll('tbody tr');
    expect(rows[4]!.classes()).not.toContain('row-over');
    expect(rows[5]!.classes()).toContain('row-over');
    expect(rows[2]!.findAll('td')[1]!.classes()).not.toContain('over');
    expect(rows[3]!.findAll('td')[1]!.classes()).toContain('over');
  });

  it('when the user pages and sorts, then the URL query changes (keeping other keys) and load gets the new parameters', async () => {
    const { router, load, mountAt } = setup('/entries?unit=LAB');
    const wrapper = await mountAt();
    expect(lastQuery(load)).toMatchObject({ page: 1, pageSize: 10, sort: null });

    await wrapper.get('button[aria-label="Next page"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ unit: 'LAB', page: '2' });
    expect(lastQuery(load)).toMatchObject({ page: 2, pageSize: 10, sort: null, order: 'asc' });

    await wrapper.get('th.sortable').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ unit: 'LAB', sort: 'totalKgCo2eq' });
    expect(lastQuery(load)).toMatchObject({ page: 1, sort: 'totalKgCo2eq', order: 'asc' });

    await wrapper.get('th.sortable').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ unit: 'LAB', sort: 'totalKgCo2eq', order: 'desc' });
    expect(lastQuery(load)).toMatchObject({ page: 1, sort: 'totalKgCo2eq', order: 'desc' });
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('when the user goes Back, then the previous page is read from the URL and loaded again', async () => {
    const { router, load, mountAt } = setup('/entries');
    const wrapper = await mountAt();
    await wrapper.get('button[aria-label="Next page"]').trigger('click');
    await flushPromises();
    await wrapper.get('button[aria-label="Next page"]').trigger('click');
    await flushPromises();
    expect(lastQuery(load).page).toBe(3);
    router.back();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ page: '2' });
    expect(lastQuery(load).page).toBe(2);
    expect(wrapper.findAll('tbody tr')[0]!.text()).toContain('Trip 10');
  });

  it('when a filter changes, then it replaces the URL from page 1 and loads', async () => {
    const { router, load, mountAt } = setup('/entries?page=3');
    const wrapper = await mountAt();
    await wrapper.get('[data-testid="filter-computed"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ status: 'computed' });
    expect(lastQuery(load)).toMatchObject({ page: 1, filters: { status: 'computed' } });
  });

  it('when the list is empty, then the empty state shows', async () => {
    const { mountAt } = setup('/entries', vi.fn(async () => ({ items: [], total: 0 })));
    const wrapper = await mountAt();
    expect(wrapper.get('[data-testid="ui-empty"]').text()).toContain('Nothing to show yet.');
    expect(wrapper.find('[data-testid="load-error"]').exists()).toBe(false);
  });

  it('when a load fails, then the error is an ApiError; reload() asks again and clears it', async () => {
    const load = vi.fn().mockRejectedValueOnce(new TypeError('offline')).mockResolvedValue({ items: trips(3), total: 3 });
    const wrapper = await setup('/entries', load).mountAt();
    expect(wrapper.get('[data-testid="load-error"]').text()).toBe('unexpected_response');
    await wrapper.get('[data-testid="reload"]').trigger('click');
    await flushPromises();
    expect(load).toHaveBeenCalledTimes(2);
    expect(wrapper.find('[data-testid="load-error"]').exists()).toBe(false);
    expect(wrapper.findAll('tbody tr')).toHaveLength(3);
  });

  it('when rows are selectable, then checking one emits the selection (for bulk actions)', async () => {
    const rows = trips(3);
    const { wrapper } = mountUi(UiDataTable<Trip>, {
      props: { columns, rows, rowKey: 'id', total: 3, pagination: { page: 1, pageSize: 10, sort: null, order: 'asc' }, selection: 'multiple', selected: [] },
    });
    const checkboxes = wrapper.findAll('tbody [role="checkbox"]');
    expect(checkboxes).toHaveLength(3);
    await checkboxes[1]!.trigger('click');
    expect(wrapper.emitted('update:selected')).toEqual([[[rows[1]]]]);
  });
});
