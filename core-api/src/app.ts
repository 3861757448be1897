import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { createClaimsRoleProvider, type RoleProvider } from './auth/role-provider.js';
import { createOidcTokenVerifier, type TokenVerifier } from './auth/token-verifier.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { createListAudit, createVerifyAudit } from './domain/audit/list-audit.js';
import { systemClock, type Clock } from './domain/clock.js';
import { createEntryUseCases } from './domain/entries/index.js';
import { createFactorUseCases } from './domain/factors/factor-use-cases.js';
import { createGetMe } from './domain/identity/get-me.js';
import { createSyncUser } from './domain/identity/sync-user.js';
import { createListBuildingRooms, createLocationDistance, createSearchLocations } from './domain/locations/locations.js';
import { createExportReporting, createExportReportingJson, createGetReporting } from './domain/reporting/reporting.js';
import { createReportUseCases } from './domain/reports/index.js';
import { createGetVisibleUnit, createListVisibleSubtree, createListVisibleUnits } from './domain/units/list-visible-units.js';
import { createTravelUseCases } from './domain/travel/index.js';
import { createYearUseCases } from './domain/years/index.js';
import { errorHandler } from './errors/index.js';
import { createAuthenticate } from './http/authenticate.js';
import { requestLogging } from './http/logging.js';
import { notFound } from './http/not-found.js';
import { mountRoutes } from './http/route.js';
import { auditRoutes } from './http/routes/audit.routes.js';
import { docsRouter } from './http/routes/docs.routes.js';
import { entryRoutes } from './http/routes/entries.routes.js';
import { factorRoutes } from './http/routes/factors.routes.js';
import { healthRoutes } from './http/routes/health.routes.js';
import { identityRoutes } from './http/routes/identity.routes.js';
import { locationRoutes } from './http/routes/locations.routes.js';
import { reportingRoutes } from './http/routes/reporting.routes.js';
import { reportRoutes } from './http/routes/reports.routes.js';
import { travelRoutes } from './http/routes/travel.routes.js';
import { yearRoutes } from './http/routes/years.routes.js';
import { createRepositories } from './repositories/index.js';
import { createJobUseCases } from './domain/jobs/job-use-cases.js';
import { createListWorkers } from './domain/jobs/list-workers.js';
import { createStartImport } from './domain/jobs/start-import.js';
import { createRecalculationQueue } from './domain/jobs/start-recalculation.js';
import { createAssertYearOpen } from './domain/years/year-use-cases.js';
import { importRoutes } from './http/routes/imports.routes.js';
import { jobRoutes } from './http/routes/jobs.routes.js';
import { createJobRegistry } from './jobs/index.js';
import { previewFactorValues } from './recalculation/impact-preview.js';
import { JobChangeListener } from './jobs/job-change-listener.js';
import type { JobRegistry } from './jobs/registry.js';
import { createJobQueries } from './repositories/job-query.repository.js';
import { createUploadStore, type UploadStore } from './repositories/upload.repository.js';
import { createWorkerRepository } from './repositories/worker.repository.js';

export const API_VERSION = '0.1.0';

export interface AppDeps {
  config: Pick<Config, 'oidc' | 'uploads'> & Partial<Pick<Config, 'jobs'>>;
  db: Database;
  logger: Logger;
  /**
   * The job types and this replica's runner (woken when a request enqueues a job). Default: every job type,
   * and no runner — jobs then wait for the poller of a replica that runs them.
   */
  jobs?: { registry: JobRegistry; uploads: UploadStore; kick(): void };
  /** Adapters with production defaults; tests and institutions may replace them. */
  adapters?: {
    tokenVerifier?: TokenVerifier;
    roleProvider?: RoleProvider;
    clock?: Clock;
  };
}

/** The whole HTTP application, wired from its dependencies. Used by `main.ts` and by the HTTP tests. */
export function createApp({ config, db, logger, adapters = {}, jobs }: AppDeps): Express {
  const repos = createRepositories(db);
  const pool = db.$client;
  const uploads = jobs?.uploads ?? createUploadStore(pool);
  const jobRuntime = jobs ?? { registry: createJobRegistry({ db, pool, openFile: uploads.open }), uploads, kick: () => {} };
  const jobQueries = createJobQueries(db);
  const authenticate = createAuthenticate({
    verifier: adapters.tokenVerifier ?? createOidcTokenVerifier(config.oidc),
    roleProvider: adapters.roleProvider ?? createClaimsRoleProvider(logger),
    syncUser: createSyncUser({ users: repos.users, clock: adapters.clock ?? systemClock }),
  });
  const routes = [
    ...healthRoutes({ health: repos.health }),
    ...identityRoutes({
      getMe: createGetMe({ units: repos.units }),
      listVisibleUnits: createListVisibleUnits({ units: repos.units }),
      getVisibleUnit: createGetVisibleUnit({ units: repos.units }),
      listVisibleSubtree: createListVisibleSubtree({ units: repos.units }),
    }),
    ...yearRoutes(createYearUseCases(repos)),
    ...reportRoutes(createReportUseCases(repos)),
    ...entryRoutes(createEntryUseCases(repos)),
    ...travelRoutes(createTravelUseCases(repos)),
    ...locationRoutes({
      searchLocations: createSearchLocations({ locations: repos.locations }),
      locationDistance: createLocationDistance({ locations: repos.locations, factors: repos.factors }),
      listBuildingRooms: createListBuildingRooms({ rooms: repos.locations }),
    }),
    ...reportingRoutes({
      getReporting: createGetReporting({ units: repos.units, reports: repos.reports }),
      exportReporting: createExportReporting({ units: repos.units, reports: repos.reports }),
      exportReportingJson: createExportReportingJson({ units: repos.units, reports: repos.reports }),
    }),
    ...factorRoutes(createFactorUseCases({
        factors: repos.factors,
        recalculations: createRecalculationQueue({ db, registry: jobRuntime.registry, kick: jobRuntime.kick }),
        previewImpact: (o) => previewFactorValues(pool, o),
      })),
    ...auditRoutes({ listAudit: createListAudit({ audit: repos.audit }), verifyAudit: createVerifyAudit({ audit: repos.audit, clock: adapters.clock ?? systemClock }) }),
    ...importRoutes({
      startImport: createStartImport({
        db,
        registry: jobRuntime.registry,
        jobs: jobQueries,
        uploads,
        units: repos.units,
        assertYearOpen: createAssertYearOpen({ years: repos.years }),
        kick: jobRuntime.kick,
      }),
      uploads,
      maxUploadBytes: config.uploads.maxBytes,
    }),
    ...jobRoutes(
      createJobUseCases({ db, jobs: jobQueries, kick: jobRuntime.kick }),
      new JobChangeListener(pool.options, logger),
      { recheckIntervalMs: config.jobs?.eventsRecheckMs },
      createListWorkers({ workers: createWorkerRepository(db) }),
    ),
  ];

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, uniquelocal');
  app.use(requestLogging(logger));
  app.use(docsRouter(routes.map((r) => r.def), { version: API_VERSION }));
  app.use('/api/v1', authenticate); // default deny, and before body parsing: anonymous bodies are never read
  app.use(express.json({ limit: '1mb' }));
  const router = express.Router();
  mountRoutes(router, routes, authenticate);
  app.use(router);
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
