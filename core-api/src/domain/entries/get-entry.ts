import type { EntryPathParams } from '@co2/contracts';
import { errors } from '../../errors/index.js';
import type { Principal } from '../identity/principal.js';
import type { ReportModuleKey, StoredEntry } from './entry.js';
import type { Workspace, ResolveWorkspace } from './workspace.js';

export interface EntryReader {
  get(where: ReportModuleKey, submodule: string, id: string): Promise<StoredEntry | undefined>;
}

/** The entry addressed by the path, if the caller may see it (another person's trip is 404 for a standard user). */
export async function findVisibleEntry(entries: EntryReader, principal: Principal, ws: Workspace, path: EntryPathParams): Promise<StoredEntry> {
  const entry = await entries.get({ unitId: ws.unit.id, year: path.year, module: path.module }, ws.submodule, path.id);
  if (!entry || (ws.access === 'own' && entry.authorId !== principal.user.id)) throw errors.notFound(`entry ${path.id}`);
  return entry;
}

export function createGetEntry(deps: { resolveWorkspace: ResolveWorkspace; entries: EntryReader }) {
  return async (principal: Principal, path: EntryPathParams): Promise<StoredEntry> => {
    const ws = await deps.resolveWorkspace(principal, path);
    return findVisibleEntry(deps.entries, principal, ws, path);
  };
}
