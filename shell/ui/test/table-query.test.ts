import { describe, expect, it } from 'vitest';
import { fromQuasarPagination, toQuasarPagination, type UiColumn } from '../src/table/columns.js';
import { readTableQuery, tableSearchParams, writeTableQuery, type ServerTableDefaults } from '../src/table/table-query.js';

const defaults: ServerTableDefaults<'status'> = { pageSize: 25, sort: 'createdAt', order: 'asc', filters: { status: null } };
type Row = { id: string; total: number };
const columns: UiColumn<Row>[] = [
  { name: 'id', label: 'Id', field: 'id' },
  { name: 'total', label: 'Total', field: 'total', sortable: true, sortKey: 'totalKgCo2eq' },
  { name: 'created', label: 'Created', field: 'id', sortable: true, sortKey: 'createdAt' },
];

describe('the table state in the URL', () => {
  it('reads page, size, sort, order and filters, falling back to defaults for missing or invalid values', () => {
    expect(readTableQuery({ page: '3', pageSize: '50', sort: 'totalKgCo2eq', order: 'desc', status: 'computed', unit: 'LAB' }, defaults)).toEqual({
      page: 3, pageSize: 50, sort: 'totalKgCo2eq', order: 'desc', filters: { status: 'computed' },
    });
    expect(readTableQuery({ page: '-1', pageSize: '7', sort: 'drop table', order: 'up', status: '' }, defaults, { pageSizes: [25, 50], sortKeys: ['createdAt'] })).toEqual({
      page: 1, pageSize: 25, sort: 'createdAt', order: 'asc', filters: { status: null },
    });
  });

  it('writes only what differs from the defaults and keeps the other query keys (unit, year, tab…)', () => {
    const state = { page: 1, pageSize: 25, sort: 'totalKgCo2eq', order: 'desc' as const, filters: { status: 'not_computed' } };
    expect(writeTableQuery({ unit: 'LAB', year: '2025', page: '4' }, state, defaults)).toEqual({ unit: 'LAB', year: '2025', sort: 'totalKgCo2eq', order: 'desc', status: 'not_computed' });
    expect(writeTableQuery({ status: 'computed' }, { ...state, sort: 'createdAt', order: 'asc', filters: { status: null } }, defaults)).toEqual({});
  });

  it('turns a query into the search parameters of a list route', () => {
    expect(tableSearchParams({ page: 2, pageSize: 50, sort: 'createdAt', order: 'desc', filters: { status: null, type: 'data-import' } }).toString()).toBe(
      'page=2&pageSize=50&order=desc&sort=createdAt&type=data-import',
    );
  });
});

describe('QTable pagination', () => {
  it('maps the API sort key to the column and back; a new sort or page size starts again at page 1', () => {
    const pagination = { page: 3, pageSize: 25, sort: 'totalKgCo2eq', order: 'desc' as const };
    expect(toQuasarPagination(pagination, columns, 120)).toEqual({ page: 3, rowsPerPage: 25, sortBy: 'total', descending: true, rowsNumber: 120 });
    expect(fromQuasarPagination({ page: 4, rowsPerPage: 25, sortBy: 'total', descending: true }, pagination, columns)).toEqual({ ...pagination, page: 4 });
    expect(fromQuasarPagination({ page: 3, rowsPerPage: 25, sortBy: 'created', descending: false }, pagination, columns)).toEqual({ page: 1, pageSize: 25, sort: 'createdAt', order: 'asc' });
    expect(fromQuasarPagination({ page: 3, rowsPerPage: 50, sortBy: 'total', descending: true }, pagination, columns)).toEqual({ ...pagination, page: 1, pageSize: 50 });
  });
});
