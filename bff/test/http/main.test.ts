import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@co2/deploy/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../support/servers.js';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('bff_main');
});
afterAll(() => db?.drop());

function runMain(env: Record<string, string>, whenReady?: (url: string, stop: () => void) => void) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: db.url,
        OIDC_ISSUER: 'http://localhost:1',
        OIDC_CLIENT_ID: 'co2-bff',
        OIDC_CLIENT_SECRET: 'secret',
        SESSION_SECRET: 'a'.repeat(32),
        LOG_LEVEL: 'warn',
        ...env,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /^bff: (\S+)$/m.exec(output)?.[1];
      if (url && whenReady) {
        const ready = whenReady;
        whenReady = undefined;
        ready(url, () => child.kill('SIGTERM'));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('bff main', () => {
  it('when started, then it migrates, prints its URL, is ready, and exits 0 on SIGTERM', async () => {
    const probe = await listen(undefined, '127.0.0.1');
    await probe.close(); // a port that was free a moment ago
    let readyz: number | undefined;
    const run = await runMain({ PORT: String(probe.port), HOST: '127.0.0.1', PUBLIC_ORIGIN: 'http://localhost:18999' }, (_url, stop) => {
      fetch(`http://127.0.0.1:${probe.port}/readyz`)
        .then((res) => (readyz = res.status))
        .finally(stop);
    });
    expect(run.output).toMatch(/^bff: http:\/\/localhost:18999$/m);
    expect(readyz).toBe(200);
    expect(run.code).toBe(0);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rowCount } = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'bff' AND table_name = 'session'`);
    await client.end();
    expect(rowCount).toBe(1);
  });

  it('when the port is taken, then it exits 1 instead of hanging', async () => {
    const taken = await listen(undefined, '127.0.0.1');
    try {
      const run = await runMain({ PORT: String(taken.port), HOST: '127.0.0.1' });
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/EADDRINUSE/);
    } finally {
      await taken.close();
    }
  });

  it('when the configuration is invalid, then it exits 1 naming the variables', async () => {
    const run = await runMain({ SESSION_SECRET: 'short', DATABASE_URL: '' });
    expect(run.code).toBe(1);
    expect(run.output).toContain('SESSION_SECRET (must be at least 32 characters)');
    expect(run.output).toContain('DATABASE_URL (required)');
  });
});
