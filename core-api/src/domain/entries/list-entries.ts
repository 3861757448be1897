import type { EntriesPathParams, ListEntriesQuery } from '@co2/contracts';
import type { Principal } from '../identity/principal.js';
import type { EntryListFilter, EntryPage, ReportModuleKey } from './entry.js';
import type { ResolveWorkspace } from './workspace.js';

export interface ListEntriesDeps {
  resolveWorkspace: ResolveWorkspace;
  entries: { list(where: ReportModuleKey, filter: EntryListFilter): Promise<EntryPage> };
}

/** A page of a submodule's entries with their emissions; standard users see only their own trips. */
export function createListEntries(deps: ListEntriesDeps) {
  return async (principal: Principal, path: EntriesPathParams, query: ListEntriesQuery): Promise<EntryPage> => {
    const ws = await deps.resolveWorkspace(principal, path);
    const authorId = ws.access === 'own' ? principal.user.id : undefined;
    return deps.entries.list({ unitId: ws.unit.id, year: path.year, module: path.module }, { ...query, submodule: ws.submodule, authorId });
  };
}
