// @co2/ui — the portal's UI kit (shell team). Bundled by each remote at build time; see README.md.
export * from './format/index.js';
export { uiMessages, withUiLocaleMessages, withUiMessages } from './i18n/index.js';

export { default as UiStatusChip } from './status/UiStatusChip.vue';
export { default as UiJobStateChip } from './status/UiJobStateChip.vue';
export { default as UiModuleStatusChip } from './status/UiModuleStatusChip.vue';
export { default as UiEntryStatusChip } from './status/UiEntryStatusChip.vue';
export { entryStatusLook, jobOutcomeLook, moduleStatusLook, TONES, type StatusLook, type ToneStyle, type UiTone } from './status/tones.js';

export { default as UiLoadingState } from './states/UiLoadingState.vue';
export { default as UiErrorState } from './states/UiErrorState.vue';
export { default as UiEmptyState } from './states/UiEmptyState.vue';
export { default as UiNotFound } from './states/UiNotFound.vue';
export { notFoundRoute } from './states/not-found-route.js';

export { default as UiConfirmDialog } from './confirm/UiConfirmDialog.vue';
export { useConfirm, type ConfirmOptions } from './confirm/use-confirm.js';

export { default as UiDataTable } from './table/UiDataTable.vue';
export type { SortOrder, TablePagination, UiColumn } from './table/columns.js';
export { tableSearchParams, type ServerTableDefaults, type ServerTableQuery } from './table/table-query.js';
export { useServerTable, type ServerTable, type ServerTableOptions } from './table/use-server-table.js';

export { default as UiContractForm } from './form/UiContractForm.vue';
export { describeFields, formSchema, type CustomFieldScope, type FormField } from './form/fields.js';
export type { FieldHint, FieldOption, FieldWidget, FormHints, FormMessages, LocalizedText, ServerErrorDetail, TextRef } from './form/hints.js';

export { default as UiExplainDrawer } from './explain/UiExplainDrawer.vue';
export { explainItemsFromEntry, type ExplainableEmission, type ExplainFactor, type ExplainFactorValue, type ExplainInput, type ExplainItem, type ExplainLabels } from './explain/explain-item.js';

export { default as UiProgressBar } from './jobs/UiProgressBar.vue';
export { default as UiIssueTable } from './jobs/UiIssueTable.vue';

export { followPortalLocale } from './install/quasar-locale.js';
