import { CopyPreview, DeletedEntry, Entry, EntryList, Report, ReportModule, Taxonomy, type ModuleKey } from '@co2/contracts';
import type { ApiClient } from '@co2/shell-sdk';

/** Where a unit's inventory of a year lives in the API. */
export interface Workspace {
  unit: string;
  year: number;
}

const reportPath = (w: Workspace) => `/v1/units/${encodeURIComponent(w.unit)}/years/${w.year}`;
const entriesPath = (w: Workspace, module: ModuleKey, submodule: string) => `${reportPath(w)}/modules/${module}/${submodule}/entries`;

/** The entries routes of core-api, each response parsed with its contract. */
export const entriesApi = {
  report: (api: ApiClient, w: Workspace) => api.get(reportPath(w), Report),
  list: (api: ApiClient, w: Workspace, module: ModuleKey, submodule: string, search: URLSearchParams) =>
    api.get(`${entriesPath(w, module, submodule)}?${search}`, EntryList),
  create: (api: ApiClient, w: Workspace, module: ModuleKey, submodule: string, data: unknown, note: string | null) =>
    api.post(entriesPath(w, module, submodule), Entry, { data, ...(note ? { note } : {}) }),
  update: (api: ApiClient, w: Workspace, module: ModuleKey, submodule: string, id: string, data: unknown, note: string | null) =>
    api.patch(`${entriesPath(w, module, submodule)}/${id}`, Entry, { data, note }),
  remove: (api: ApiClient, w: Workspace, module: ModuleKey, submodule: string, id: string) =>
    api.delete(`${entriesPath(w, module, submodule)}/${id}`, DeletedEntry),
  setStatus: (api: ApiClient, w: Workspace, module: ModuleKey, status: 'validated' | 'in_progress') =>
    api.post(`${reportPath(w)}/modules/${module}/status`, ReportModule, { status }),
  copyPreview: (api: ApiClient, w: Workspace, module: ModuleKey, submodule: string) =>
    api.get(`${reportPath(w)}/modules/${module}/copy-from-previous-year?submodule=${encodeURIComponent(submodule)}`, CopyPreview),
  copy: (api: ApiClient, w: Workspace, module: ModuleKey, submodule: string) =>
    api.post(`${reportPath(w)}/modules/${module}/copy-from-previous-year`, CopyPreview, { submodule }),
  taxonomy: (api: ApiClient, year: number, module: ModuleKey, submodule: string) =>
    api.get(`/v1/years/${year}/taxonomies/${encodeURIComponent(`${module}/${submodule}`)}`, Taxonomy),
};
