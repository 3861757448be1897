import { copyFromPreviousYear, createEntry, createRoundTrip, deleteEntry, getEntry, listEntries, previewCopyFromPreviousYear, updateEntry } from '@co2/contracts';
import type { createCopyFromPreviousYear, createPreviewCopyFromPreviousYear } from '../../domain/entries/copy-previous-year.js';
import type { createGetEntry } from '../../domain/entries/get-entry.js';
import type { createListEntries } from '../../domain/entries/list-entries.js';
import type { createCreateEntry, createCreateRoundTrip, createDeleteEntry, createUpdateEntry } from '../../domain/entries/write-entry.js';
import { route } from '../route.js';

export interface EntryUseCases {
  listEntries: ReturnType<typeof createListEntries>;
  getEntry: ReturnType<typeof createGetEntry>;
  createEntry: ReturnType<typeof createCreateEntry>;
  createRoundTrip: ReturnType<typeof createCreateRoundTrip>;
  updateEntry: ReturnType<typeof createUpdateEntry>;
  deleteEntry: ReturnType<typeof createDeleteEntry>;
  previewCopyFromPreviousYear: ReturnType<typeof createPreviewCopyFromPreviousYear>;
  copyFromPreviousYear: ReturnType<typeof createCopyFromPreviousYear>;
}

export const entryRoutes = (uc: EntryUseCases) => [
  route(listEntries, async ({ params, query }, { principal }) => uc.listEntries(principal, params, query)),
  route(createEntry, async ({ params, body }, { principal }) => uc.createEntry(principal, params, body)),
  route(createRoundTrip, async ({ params, body }, { principal }) => uc.createRoundTrip(principal, params, body)),
  route(getEntry, async ({ params }, { principal }) => uc.getEntry(principal, params)),
  route(updateEntry, async ({ params, body }, { principal }) => uc.updateEntry(principal, params, body)),
  route(deleteEntry, async ({ params }, { principal }) => uc.deleteEntry(principal, params)),
  route(previewCopyFromPreviousYear, async ({ params, query }, { principal }) => uc.previewCopyFromPreviousYear(principal, params, query.submodule)),
  route(copyFromPreviousYear, async ({ params, body }, { principal }) => uc.copyFromPreviousYear(principal, params, body.submodule)),
];
