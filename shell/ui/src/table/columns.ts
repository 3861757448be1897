import type { QTableColumn } from 'quasar';

export type SortOrder = 'asc' | 'desc';

/** A server-side table's page: what the URL keeps and the API's list routes take (`sort` is the API's sort key). */
export interface TablePagination {
  page: number;
  pageSize: number;
  sort: string | null;
  order: SortOrder;
}

/** One column of a UiDataTable. */
export interface UiColumn<Row> {
  name: string;
  label: string;
  /** A property of the row, or how to read the cell's value from it. */
  field: (keyof Row & string) | ((row: Row) => unknown);
  align?: 'left' | 'right' | 'center';
  sortable?: boolean;
  /** The value of `sort` sent to the API when this column sorts (default: `name`), e.g. `totalKgCo2eq`. */
  sortKey?: string;
  /** The cell's text, e.g. `(value) => formatKg(value as number, locale)`; default `String(value)`, empty for null. */
  format?: (value: unknown, row: Row) => string;
  /** Classes of this column's cells: fixed, or per row (e.g. a threshold highlight). */
  class?: string | ((row: Row) => string);
  headerClass?: string;
}

/** The QTable column of a UiColumn. */
export function toQuasarColumn<Row>(column: UiColumn<Row>): QTableColumn {
  return {
    name: column.name,
    label: column.label,
    field: (row: Row) => cellValue(column, row),
    align: column.align ?? 'left',
    sortable: column.sortable ?? false,
    format: (value: unknown, row: Row) => cellText(column, value, row),
    classes: column.class as QTableColumn['classes'],
    headerClasses: column.headerClass,
  };
}

export function cellValue<Row>(column: UiColumn<Row>, row: Row): unknown {
  return typeof column.field === 'function' ? column.field(row) : row[column.field];
}

export function cellText<Row>(column: UiColumn<Row>, value: unknown, row: Row): string {
  if (column.format) return column.format(value, row);
  return value === null || value === undefined ? '' : String(value);
}

/** QTable's own pagination object (server mode: `rowsNumber` is the total). */
export interface QuasarPagination {
  page?: number;
  rowsPerPage?: number;
  sortBy?: string | null;
  descending?: boolean;
  rowsNumber?: number;
}

export function toQuasarPagination<Row>(pagination: TablePagination, columns: readonly UiColumn<Row>[], total: number): QuasarPagination {
  const column = pagination.sort === null ? undefined : columns.find((c) => (c.sortKey ?? c.name) === pagination.sort);
  return { page: pagination.page, rowsPerPage: pagination.pageSize, sortBy: column?.name ?? null, descending: pagination.order === 'desc', rowsNumber: total };
}

/** A QTable request as our pagination; a new sort or page size starts again at page 1. */
export function fromQuasarPagination<Row>(next: QuasarPagination, previous: TablePagination, columns: readonly UiColumn<Row>[]): TablePagination {
  const column = columns.find((c) => c.name === next.sortBy);
  const sort = column ? (column.sortKey ?? column.name) : null;
  const order: SortOrder = next.descending ? 'desc' : 'asc';
  const pageSize = next.rowsPerPage || previous.pageSize;
  const reset = sort !== previous.sort || order !== previous.order || pageSize !== previous.pageSize;
  return { page: reset ? 1 : (next.page ?? previous.page), pageSize, sort, order };
}
