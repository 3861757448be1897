import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Empty variables count as unset, so `FOO=` falls back to the default or fails as missing. */
const env = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);

const url = (protocols: string[]) =>
  z.string().refine((v) => URL.canParse(v) && protocols.includes(new URL(v).protocol), {
    message: `must be a URL with scheme ${protocols.map((p) => p.replace(':', '')).join(' or ')}`,
  });

const EnvSchema = z.object({
  DATABASE_URL: env(url(['postgres:', 'postgresql:'])),
  OIDC_ISSUER: env(url(['http:', 'https:'])),
  CORE_API_AUDIENCE: env(z.string().min(1).default('urn:co2:core-api')),
  CORE_API_PORT: env(z.coerce.number({ error: 'must be a port number (0-65535)' }).int().min(0).max(65535).default(8081)),
  CORE_API_HOST: env(z.string().min(1).default('127.0.0.1')),
  SEED_DEMO: env(z.enum(['true', 'false']).default('false')),
  LOG_LEVEL: env(z.enum(LOG_LEVELS).default('info')),
  JOB_POLL_INTERVAL_MS: env(z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(100).default(10_000)),
  JOB_LEASE_MS: env(z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(1_000).default(30_000)),
  JOB_CONCURRENCY: env(z.coerce.number({ error: 'must be a whole number' }).int().min(0).max(16).default(1)),
  JOB_EVENTS_RECHECK_MS: env(z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(250).default(5_000)),
  UPLOAD_MAX_BYTES: env(z.coerce.number({ error: 'must be a number of bytes' }).int().min(1024).default(100 * 1024 * 1024)),
  UPLOAD_RETENTION_DAYS: env(z.coerce.number({ error: 'must be a number of days' }).int().min(1).max(3650).default(30)),
});

/** The environment variables core-api reads (and nothing else). */
export const CONFIG_KEYS = Object.keys(EnvSchema.shape) as (keyof typeof EnvSchema.shape)[];

export interface Config {
  database: { url: string };
  oidc: { issuer: string; audience: string };
  http: { host: string; port: number };
  seedDemo: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  /** In-process background jobs; concurrency 0 disables the runner on this replica. */
  jobs: { pollIntervalMs: number; leaseMs: number; concurrency: number; eventsRecheckMs: number };
  /** CSV uploads (`POST /api/v1/imports`): the largest file accepted. */
  uploads: { maxBytes: number; retentionDays: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: { key: string; message: string }[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.key} (${p.message})`).join(', ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws `ConfigError` naming every offending variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '?');
        return { key, message: (source[key] ?? '') === '' ? 'required' : issue.message };
      }),
    );
  }
  const e = parsed.data;
  return {
    database: { url: e.DATABASE_URL },
    oidc: { issuer: e.OIDC_ISSUER, audience: e.CORE_API_AUDIENCE },
    http: { host: e.CORE_API_HOST, port: e.CORE_API_PORT },
    seedDemo: e.SEED_DEMO === 'true',
    logLevel: e.LOG_LEVEL,
    jobs: { pollIntervalMs: e.JOB_POLL_INTERVAL_MS, leaseMs: e.JOB_LEASE_MS, concurrency: e.JOB_CONCURRENCY, eventsRecheckMs: e.JOB_EVENTS_RECHECK_MS },
    uploads: { maxBytes: e.UPLOAD_MAX_BYTES, retentionDays: e.UPLOAD_RETENTION_DAYS },
  };
}
