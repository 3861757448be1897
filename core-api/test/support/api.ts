// Starts the real app (createApp, as main.ts does) on port 0 against a real, migrated and seeded database.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp, type AppDeps } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createSeedDemoUnits } from '../../src/domain/units/seed-demo-units.js';
import { createJobRegistry } from '../../src/jobs/index.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { createRepositories } from '../../src/repositories/index.js';
import { createUploadStore } from '../../src/repositories/upload.repository.js';
import { createMigratedDatabase, type MigratedDatabase } from './database.js';

export interface RunningApi {
  url: string;
  database: MigratedDatabase;
  get(path: string, init?: { token?: string; headers?: Record<string, string> }): Promise<Response>;
  /** Any method, with a JSON body when given. */
  send(method: string, path: string, init?: { token?: string; body?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Years opened to users at start (default 2024 and 2025); `[]` leaves every year closed. `runJobs` starts the
 * job runner in the process (as main.ts does), with a short poll interval.
 */
export async function startApi(options: {
  issuer: string;
  audience?: string;
  adapters?: AppDeps['adapters'];
  openYears?: number[];
  runJobs?: boolean;
  env?: Record<string, string>;
}): Promise<RunningApi> {
  const database = await createMigratedDatabase('core_api_http');
  const repos = createRepositories(database.db);
  await createSeedDemoUnits({ units: repos.units })();
  for (const year of options.openYears ?? [2024, 2025]) {
    await repos.years.put(year, { openToUsers: true, workingDaysPerYear: 230, modules: {}, reductionGoals: [] }, null);
  }
  const config = loadConfig({
    DATABASE_URL: database.testDb.url,
    OIDC_ISSUER: options.issuer,
    CORE_API_AUDIENCE: options.audience,
    ...options.env,
  });
  const logger = pino({ level: 'silent' });
  const uploads = createUploadStore(database.pool);
  const registry = createJobRegistry({ db: database.db, pool: database.pool, openFile: uploads.open });
  const runner = new JobRunner({ db: database.db, pool: database.pool, registry, logger, pollIntervalMs: 200, leaseMs: 5_000 });
  if (options.runJobs) runner.start();
  const app = createApp({ config, db: database.db, logger, adapters: options.adapters, jobs: { registry, uploads, kick: () => runner.kick() } });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    database,
    get: (path, init = {}) =>
      fetch(`${url}${path}`, {
        headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
      }),
    send: (method, path, init = {}) =>
      fetch(`${url}${path}`, {
        method,
        headers: {
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    close: async () => {
      await runner.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.dispose();
    },
  };
}
