import type { AddressInfo } from 'node:net';
import { API_VERSION, createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createDatabase } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { seedDemo } from './demo/seed-demo.js';
import { createJobRegistry } from './jobs/index.js';
import { JobRunner } from './jobs/runner.js';
import { createLogger } from './logger.js';
import { createUploadStore } from './repositories/upload.repository.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = createDatabase(config.database.url, {
    onPoolError: (err) => logger.error({ err }, 'idle database connection failed'),
  });

  await runMigrations(database.pool);
  logger.info('database migrations applied');
  if (config.seedDemo) {
    const seeded = await seedDemo(database.db);
    logger.info(seeded, 'demo data seeded');
  }

  const uploads = createUploadStore(database.pool);
  const registry = createJobRegistry({ ...database, openFile: uploads.open });
  const { eventsRecheckMs: _streams, ...runnerOptions } = config.jobs;
  const jobs = new JobRunner({ db: database.db, pool: database.pool, registry, logger, version: API_VERSION, ...runnerOptions });
  if (config.jobs.concurrency > 0) jobs.start();

  const app = createApp({ config, db: database.db, logger, jobs: { registry, uploads, kick: () => jobs.kick() } });

  // Uploads are kept while their jobs may be retried, then removed (abandoned partial uploads after a day).
  const purgeUploads = () =>
    uploads
      .purge({ incompleteAfterMs: 24 * 3600_000, finishedAfterMs: config.uploads.retentionDays * 24 * 3600_000 })
      .then((removed) => (removed.incomplete || removed.finished) && logger.info(removed, 'old uploads removed'))
      .catch((err: unknown) => logger.warn({ err }, 'upload purge failed'));
  setInterval(purgeUploads, 3600_000).unref();
  void purgeUploads();
  const server = app.listen(config.http.port, config.http.host, (err?: Error) => {
    if (err) {
      logger.fatal({ err }, 'cannot listen');
      void database.close().finally(() => process.exit(1));
      return;
    }
    const { address, port } = server.address() as AddressInfo;
    logger.info({ address, port }, `core-api listening on http://${address}:${port}`);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    server.close(() => {
      void jobs
        .stop()
        .then(() => database.close())
        .then(() => {
          clearTimeout(force);
          logger.info('stopped');
          process.exit(0);
        });
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('core-api failed to start:', err);
  process.exit(1);
});
