// The local supervisor's own guarantees: embedded PostgreSQL survives a killed run, and production mode
// never starts the embedded database or the development provider.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './postgres.mjs';
import { startPortal } from './portal.mjs';
import { freePort } from './processes.mjs';

async function rowCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM survivors');
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('when a run is killed with SIGKILL, then the next start recovers the orphaned server and keeps the data', async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'co2-orphan-')), 'pg');
    const port = await freePort();
    // A child process starts the server, writes a row, then dies without stopping it.
    const script = `
      import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve(import.meta.dirname, 'postgres.mjs'))};
      import pg from 'pg';
      const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} });
      const c = new pg.Client(db.url()); await c.connect();
      await c.query('CREATE TABLE survivors (id int)'); await c.query('INSERT INTO survivors VALUES (1)'); await c.end();
      process.kill(process.pid, 'SIGKILL');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: import.meta.dirname, stdio: 'inherit' });
    const signal = await new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL');

    const db = await startEmbeddedPostgres({ dataDir, port });
    try {
      await expect(rowCount(db.url())).resolves.toBe(1);
    } finally {
      await db.stop();
    }
  }, 60_000);
});

describe('production mode', () => {
  it('refuses to start the embedded database and the development provider', async () => {
    const logs: string[] = [];
    await expect(
      startPortal({ port: 0, env: { NODE_ENV: 'production' }, dataDir: mkdtempSync(path.join(tmpdir(), 'co2-prod-')), log: (m: string) => logs.push(m) }),
    ).rejects.toThrow(/NODE_ENV=production: set DATABASE_URL, OIDC_ISSUER/);
    expect(logs.join('\n')).not.toMatch(/embedded PostgreSQL|development OIDC provider/);
  });
});
