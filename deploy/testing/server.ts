// The PostgreSQL server every test project uses, published as TEST_DATABASE_URL: DATABASE_URL when it is set
// (a machine's server), otherwise an embedded PostgreSQL started here. Vitest runs the projects' own global
// setups (e2e starts the portal) before the root one, so whichever setup comes first starts the server and
// the others find TEST_DATABASE_URL already set.
import { chmodSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../local/postgres.mjs';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Makes TEST_DATABASE_URL point at a server; returns how to stop what was started here (nothing otherwise). */
export async function ensureTestPostgres(): Promise<() => Promise<void>> {
  if (process.env.TEST_DATABASE_URL) return async () => {};
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return async () => {};
  }
  const parent = mkdtempSync(path.join(tmpdir(), 'co2-test-pg-'));
  chmodSync(parent, 0o755); // the server runs as the `postgres` OS user when we are root
  const db = await startEmbeddedPostgres({ dataDir: path.join(parent, 'data'), port: await freePort(), persistent: false, database: 'postgres' });
  process.env.TEST_DATABASE_URL = db.url('postgres');
  return async () => {
    delete process.env.TEST_DATABASE_URL;
    await db.stop();
  };
}
