// Global setup: makes a real PostgreSQL available to every test project as TEST_DATABASE_URL.
// Uses DATABASE_URL when set (CI: the machine's PostgreSQL), otherwise starts an embedded server.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
// @ts-expect-error plain ESM module without types
import { startEmbeddedPostgres } from './deploy/local/postgres.mjs';

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

export default async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const parent = mkdtempSync(path.join(tmpdir(), 'co2-test-pg-'));
  chmodSync(parent, 0o755); // the server runs as the `postgres` OS user when we are root
  const dataDir = path.join(parent, 'data');
  const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false, database: 'postgres' });
  process.env.TEST_DATABASE_URL = db.url('postgres');
  return async () => {
    await db.stop();
  };
}
