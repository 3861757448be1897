import type { Database } from '../db/client.js';

/** A transaction handle; query fragments accept it or the database. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Tx;
