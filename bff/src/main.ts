// Starts the BFF: configuration, migrations, HTTP server; graceful shutdown on SIGINT/SIGTERM.
import { pino } from 'pino';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type BffConfig } from './config.js';
import { runMigrations } from './db/migrate.js';
import { createServer } from './http/server.js';
import { createPool } from './db/pool.js';
import { registryService } from './remotes/registry-service.js';

function readConfig(): BffConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`bff: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
const logger = pino({ level: config.logLevel });
const pool = createPool(config, logger);

const registry = registryService(pool, { cacheMs: config.delivery.registryCacheMs, timeoutMs: config.session.storeTimeoutMs, fallback: config.registry });
try {
  await runMigrations(pool);
  const seeded = await registry.seed(config.registry);
  if (seeded.length > 0) logger.info({ seeded }, 'remote registry seeded');
} catch (err) {
  logger.fatal({ err }, 'migrations failed');
  await pool.end();
  process.exit(1);
}

if (config.session.secure && config.http.trustProxy === false) {
  logger.warn('PUBLIC_ORIGIN is https but TRUST_PROXY is not set: behind a TLS proxy the session cookie will never be set');
}

const app = createApp(config, { pool, logger, registry });
const server = createServer(app);
server.once('error', (err) => {
  logger.fatal({ err }, `cannot listen on ${config.http.host}:${config.http.port}`);
  void pool.end().finally(() => process.exit(1));
});
server.listen(config.http.port, config.http.host, () => {
  logger.info(`BFF listening on ${config.http.host}:${config.http.port}`);
  console.log(`bff: ${config.publicOrigin}`);
});

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000).unref();
  server.close(() => {
    pool.end().finally(() => {
      clearTimeout(force);
      process.exit(0);
    });
  });
  server.closeIdleConnections();
}
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
