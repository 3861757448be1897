import { CopyBody, CopyPathParams, CopyPreview, CopyQuery, CreateEntryBody, DeletedEntry, EntriesPathParams, Entry, EntryList, EntryPathParams, ListEntriesQuery, RoundTrip, RoundTripPathParams, UpdateEntryBody } from '../entries.js';
import { defineRoute } from './route.js';

const base = '/api/v1/units/{unit}/years/{year}/modules/{module}/{submodule}/entries' as const;
const tags = ['entries'];
const who = 'Principals of the unit: every module; standard users: their own trips and the unit’s cloud/AI. Units you may not see: 404.';

export const listEntries = defineRoute({
  operationId: 'listEntries',
  method: 'get',
  path: base,
  auth: 'user',
  summary: `Entries of a submodule with their emissions (paginated, sortable). ${who}`,
  tags,
  request: { params: EntriesPathParams, query: ListEntriesQuery },
  errors: [403, 404],
  response: { status: 200, description: 'A page of entries', schema: EntryList },
});

export const createEntry = defineRoute({
  operationId: 'createEntry',
  method: 'post',
  path: base,
  auth: 'user',
  summary: `Creates an entry, computes its emissions and the module totals (a validated module goes back to in progress). ${who}`,
  tags,
  request: { params: EntriesPathParams, body: CreateEntryBody },
  errors: [403, 404],
  response: { status: 201, description: 'The entry with its emissions (or the reason it has none)', schema: Entry },
});

export const getEntry = defineRoute({
  operationId: 'getEntry',
  method: 'get',
  path: `${base}/{id}`,
  auth: 'user',
  summary: `One entry with its emissions. ${who}`,
  tags,
  request: { params: EntryPathParams },
  errors: [403, 404],
  response: { status: 200, description: 'The entry', schema: Entry },
});

export const updateEntry = defineRoute({
  operationId: 'updateEntry',
  method: 'patch',
  path: `${base}/{id}`,
  auth: 'user',
  summary: `Replaces an entry’s data and/or note and recomputes it. ${who}`,
  tags,
  request: { params: EntryPathParams, body: UpdateEntryBody },
  errors: [403, 404],
  response: { status: 200, description: 'The recomputed entry', schema: Entry },
});

export const deleteEntry = defineRoute({
  operationId: 'deleteEntry',
  method: 'delete',
  path: `${base}/{id}`,
  auth: 'user',
  summary: `Deletes an entry (and what is derived from it) and recomputes the module totals. ${who}`,
  tags,
  request: { params: EntryPathParams },
  errors: [403, 404],
  response: { status: 200, description: 'Deleted', schema: DeletedEntry },
});

export const createRoundTrip = defineRoute({
  operationId: 'createRoundTrip',
  method: 'post',
  path: '/api/v1/units/{unit}/years/{year}/modules/professional-travel/{submodule}/round-trips',
  auth: 'user',
  summary: `Creates a trip and its return (origin and destination swapped) in one transaction: two entries. ${who}`,
  tags,
  request: { params: RoundTripPathParams, body: CreateEntryBody },
  errors: [403, 404, 422],
  response: { status: 201, description: 'The outbound and return entries', schema: RoundTrip },
});

const copyPath = '/api/v1/units/{unit}/years/{year}/modules/{module}/copy-from-previous-year' as const;

export const previewCopyFromPreviousYear = defineRoute({
  operationId: 'previewCopyFromPreviousYear',
  method: 'get',
  path: copyPath,
  auth: 'user',
  summary: `What copying the previous year's entries of a submodule (or of the whole module) would bring: rows and kg recomputed with this year's factors. Nothing is written. ${who}`,
  tags,
  request: { params: CopyPathParams, query: CopyQuery },
  errors: [403, 404],
  response: { status: 200, description: 'The preview', schema: CopyPreview },
});

export const copyFromPreviousYear = defineRoute({
  operationId: 'copyFromPreviousYear',
  method: 'post',
  path: copyPath,
  auth: 'user',
  summary: `Copies the previous year's entries of a submodule (or of the whole module) into this year in one transaction, recomputed with this year's factors; copied entries have source \`copied\`. ${who}`,
  tags,
  request: { params: CopyPathParams, body: CopyBody },
  errors: [403, 404, 422],
  response: { status: 201, description: 'What was copied', schema: CopyPreview },
});
