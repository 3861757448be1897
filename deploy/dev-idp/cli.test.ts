import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./src/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs the CLI; `whenReady` is called once it has printed its issuer. */
function runCli(env: Record<string, string>, whenReady?: (issuer: string, stop: () => void) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', ...env },
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const issuer = /dev-idp: issuer (\S+)/.exec(output)?.[1];
      if (issuer && whenReady) {
        const ready = whenReady;
        whenReady = undefined;
        ready(issuer, () => child.kill('SIGTERM'));
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

const client = { OIDC_CLIENT_ID: 'co2-bff', OIDC_CLIENT_SECRET: 'cli-secret', DEV_IDP_PORT: '0' };

describe('dev-idp CLI', () => {
  it('when started, then it prints its issuer, serves discovery and exits 0 on SIGTERM', async () => {
    let discovered: unknown;
    const run = await runCli(client, (issuer, stop) => {
      fetch(`${issuer}/.well-known/openid-configuration`)
        .then((res) => res.json())
        .then((doc) => {
          discovered = (doc as { issuer: string }).issuer;
        })
        .finally(stop);
    });
    expect(run.output).toMatch(/dev-idp: issuer http:\/\/localhost:\d+/);
    expect(discovered).toBe(/dev-idp: issuer (\S+)/.exec(run.output)?.[1]);
    expect(run.code).toBe(0);
  });

  it('when OIDC_CLIENT_SECRET is missing, then it exits 1 naming the variable', async () => {
    const run = await runCli({ OIDC_CLIENT_ID: 'co2-bff', DEV_IDP_PORT: '0' });
    expect(run.code).toBe(1);
    expect(run.output).toContain('OIDC_CLIENT_SECRET is required');
  });

  it('when NODE_ENV is production, then it refuses to start', async () => {
    const run = await runCli({ ...client, NODE_ENV: 'production' });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/refusing to start with NODE_ENV=production/);
  });
});
