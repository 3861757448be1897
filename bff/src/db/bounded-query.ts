// Queries with a hard time bound: a dead or unreachable Postgres turns into 503 session_store_unavailable
// within `timeoutMs` instead of a hang or a 500. Clients caught in a failure are destroyed, not reused, so
// the pool heals by itself once the database answers again.
import type pg from 'pg';
import { BffError } from '../errors.js';

export type Query = <R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<pg.QueryResult<R>>;

const SQLSTATE = /^[0-9A-Z]{5}$/;
/** SQLSTATE classes meaning "the database is not there" rather than "this statement is wrong". */
const UNAVAILABLE_STATES = /^(08|53|57P0)/;

export function isStoreUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && SQLSTATE.test(code)) return UNAVAILABLE_STATES.test(code);
  return true; // network errors, timeouts, "Connection terminated", pool errors
}

const ignore = () => undefined;

export function boundedQuery(pool: pg.Pool, timeoutMs: number): Query {
  return async <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const connecting = pool.connect();
    let client: pg.PoolClient | undefined;
    try {
      client = await Promise.race([connecting, timeout]);
      client.on('error', ignore); // a socket dying between queries must not crash the process
      const result = await Promise.race([client.query<R>(text, values), timeout]);
      client.off('error', ignore);
      client.release();
      return result;
    } catch (error) {
      client?.off('error', ignore);
      if (client) client.release(isStoreUnavailable(error) ? (error as Error) : undefined);
      else connecting.then((late) => late.release(), () => undefined);
      if (!isStoreUnavailable(error)) throw error;
      throw new BffError('session_store_unavailable', `The session store is unavailable (${(error as Error).message})`);
    } finally {
      clearTimeout(timer);
    }
  };
}
