import type { Repositories } from '../../repositories/index.js';
import { createAssertYearOpen } from '../years/year-use-cases.js';
import { createCalculateEntry } from './calculate.js';
import { createDeriveEntries } from './derive.js';
import { createGetEntry } from './get-entry.js';
import { createListEntries } from './list-entries.js';
import { createResolveWorkspace } from './workspace.js';
import { createCopyFromPreviousYear, createPreviewCopyFromPreviousYear } from './copy-previous-year.js';
import { createCreateEntry, createCreateRoundTrip, createDeleteEntry, createUpdateEntry } from './write-entry.js';

/** The entry use cases, wired from the repositories they use. */
export function createEntryUseCases(repos: Pick<Repositories, 'units' | 'entries' | 'factors' | 'reference' | 'years'>) {
  const resolveWorkspace = createResolveWorkspace({ units: repos.units });
  const calculate = createCalculateEntry({ factors: repos.factors, reference: repos.reference, years: repos.years });
  const deps = { resolveWorkspace, calculate, derive: createDeriveEntries({ calculate }), entries: repos.entries, assertYearOpen: createAssertYearOpen({ years: repos.years }) };
  return {
    listEntries: createListEntries(deps),
    getEntry: createGetEntry(deps),
    createEntry: createCreateEntry(deps),
    createRoundTrip: createCreateRoundTrip(deps),
    updateEntry: createUpdateEntry(deps),
    deleteEntry: createDeleteEntry(deps),
    previewCopyFromPreviousYear: createPreviewCopyFromPreviousYear(deps),
    copyFromPreviousYear: createCopyFromPreviousYear(deps),
  };
}
