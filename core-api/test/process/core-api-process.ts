// Runs the REAL core-api entry point (src/main.ts through tsx) as a child process: its own pool, job runner and
// HTTP server, exactly as deployed. Port 0 is read back from the "listening" log line; readiness is a real
// GET /healthz. Output is kept so a failing test can print what the children said.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface CoreApiProcess {
  pid: number;
  /** http://127.0.0.1:<port> once ready. */
  url: string;
  /** The runner's lease owner names start with this (`core-api-<pid>-`). */
  ownerPrefix: string;
  output(): string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<string>;
}

export interface StartOptions {
  databaseUrl: string;
  issuer: string;
  env?: Record<string, string>;
  /** Name used in the collected output. */
  name: string;
}

const children = new Set<CoreApiProcess>();
const transcripts: string[] = [];

/** Everything every child started by this test file wrote (stdout and stderr, prefixed by its name). */
export function childOutput(): string {
  return [...transcripts, ...[...children].map((c) => c.output())].join('\n');
}

export async function startCoreApi(o: StartOptions): Promise<CoreApiProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: o.databaseUrl,
      OIDC_ISSUER: o.issuer,
      CORE_API_PORT: '0',
      CORE_API_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...o.env,
    },
  });
  let output = '';
  const append = (stream: string) => (chunk: Buffer) => {
    output += chunk
      .toString()
      .split('\n')
      .map((line) => (line ? `[${o.name} ${stream}] ${line}` : line))
      .join('\n');
  };
  child.stdout.on('data', append('out'));
  child.stderr.on('data', append('err'));
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? String(code))));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${o.name}: could not spawn core-api`);

  const proc: CoreApiProcess = {
    pid,
    url: '',
    ownerPrefix: `core-api-${pid}-`,
    output: () => output,
    exited,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const how = await exited;
      children.delete(proc);
      transcripts.push(output);
      return how;
    },
  };
  children.add(proc);

  // The port comes from the log line `core-api listening on http://127.0.0.1:<port>` (pino JSON on stdout).
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${o.name} did not listen within 30 s:\n${output}`)), 30_000);
    const look = () => {
      const m = /core-api listening on http:\/\/[^"\s]+:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', look);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', look);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`${o.name} exited (${how}) before listening:\n${output}`));
    });
  });
  proc.url = `http://127.0.0.1:${port}`;
  const res = await fetch(`${proc.url}/healthz`);
  if (res.status !== 200) throw new Error(`${o.name}: GET /healthz answered ${res.status}`);
  return proc;
}

/** Kills every child still running (afterAll). */
export async function killAll(): Promise<void> {
  await Promise.all([...children].map((c) => c.kill('SIGKILL')));
}

/** Polls `probe` until it returns a value (not undefined); fails with the children's output after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 45_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n--- core-api output ---\n${childOutput()}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
