// The operations page's workers panel: the job runners registered by the core-api processes, and whether they
// run different versions (a rollout under way, or a replica left behind).
import type { WorkerList } from '@co2/contracts';

export interface WorkerStore {
  list(): Promise<WorkerList['workers']>;
}

export function createListWorkers(deps: { workers: WorkerStore }) {
  return async (): Promise<WorkerList> => {
    const workers = await deps.workers.list();
    const versions = [...new Set(workers.map((w) => w.version))].sort();
    return { workers, versions, mixedVersions: versions.length > 1 };
  };
}
