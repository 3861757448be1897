// The BFF's Postgres pool: connection attempts bounded like session queries, idle-client errors logged
// (an unreachable database must never crash the process; the pool reconnects when it is back).
import pg from 'pg';
import type { Logger } from 'pino';
import type { BffConfig } from '../config.js';

export function createPool(config: Pick<BffConfig, 'databaseUrl' | 'session'>, logger: Logger, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    max,
    connectionTimeoutMillis: config.session.storeTimeoutMs,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  pool.on('error', (err) => logger.warn({ err }, 'idle database client failed'));
  return pool;
}
