// The BFF's configuration: one validated, typed object read from the environment (see bff/README.md).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiRoutes, RemoteRegistry } from '@co2/contracts';
import { z } from 'zod';
import type { PortalVersions } from './remotes/publish.js';
import type { S3StoreConfig } from './remotes/s3-store.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const REMOTES = ['inventory', 'travel', 'dashboard', 'backoffice'] as const;
/** Repository root (from `bff/src` and from the bundled `bff/dist`). */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Empty variables count as unset, so `FOO=` falls back to the default or fails as missing. */
const env = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);
const url = (protocols: string[]) =>
  z.url({ message: `must be a URL (${protocols.join(', ')})` }).refine((v) => !URL.canParse(v) || protocols.includes(new URL(v).protocol), {
    message: `must use ${protocols.join(' or ')}`,
  });
const origin = url(['http:', 'https:']).refine((v) => !URL.canParse(v) || new URL(v).origin === v.replace(/\/$/, ''), {
  message: 'must be an origin (scheme://host[:port]) without path',
});

const EnvSchema = z.object({
  NODE_ENV: env(z.enum(['development', 'test', 'production']).default('development')),
  PORT: env(z.coerce.number().int().min(0).max(65535).default(8080)),
  HOST: env(z.string().min(1).default('127.0.0.1')),
  PUBLIC_ORIGIN: env(origin.optional()),
  DATABASE_URL: env(url(['postgres:', 'postgresql:'])),
  OIDC_ISSUER: env(url(['http:', 'https:'])),
  OIDC_CLIENT_ID: env(z.string().min(1)),
  OIDC_CLIENT_SECRET: env(z.string().min(1)),
  OIDC_SCOPES: env(z.string().min(1).default('openid profile email roles offline_access')),
  SESSION_SECRET: env(z.string().min(32, { message: 'must be at least 32 characters' })),
  SESSION_IDLE_TIMEOUT_SECONDS: env(z.coerce.number().int().min(60).default(30 * 60)),
  SESSION_ABSOLUTE_LIFETIME_SECONDS: env(z.coerce.number().int().min(60).default(10 * 60 * 60)),
  SESSION_STORE_TIMEOUT_MS: env(z.coerce.number().int().min(100).max(10_000).default(1_500)),
  SESSION_READ_CACHE_MS: env(z.coerce.number().int().min(0).max(5_000).default(1_000)),
  AUTH_RATE_LIMIT_MAX: env(z.coerce.number().int().min(1).default(60)),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: env(z.coerce.number().int().min(1).default(60)),
  CORE_API_URL: env(url(['http:', 'https:']).default('http://127.0.0.1:8081')),
  CORE_API_AUDIENCE: env(z.string().min(1).default('urn:co2:core-api')),
  CORE_API_TIMEOUT_MS: env(z.coerce.number().int().min(100).default(30_000)),
  TRUST_PROXY: env(z.string().optional()),
  REMOTES_REGISTRY: env(z.string().optional()),
  WEB_DIST: env(z.string().optional()),
  REMOTE_STORE: env(z.enum(['disk', 's3']).default('disk')),
  REMOTE_STORE_DIR: env(z.string().min(1).optional()),
  S3_BUCKET: env(z.string().min(1).optional()),
  S3_ENDPOINT: env(url(['http:', 'https:']).optional()),
  S3_REGION: env(z.string().min(1).default('us-east-1')),
  S3_PREFIX: env(z.string().regex(/^([A-Za-z0-9_.-]+\/)*$/, { message: 'a key prefix like remotes/' }).default('remotes/')),
  S3_ACCESS_KEY_ID: env(z.string().min(1).optional()),
  S3_SECRET_ACCESS_KEY: env(z.string().min(1).optional()),
  S3_FORCE_PATH_STYLE: env(z.enum(['true', 'false']).optional()),
  REGISTRY_CACHE_MS: env(z.coerce.number().int().min(0).max(60_000).default(1_000)),
  PUBLISH_MAX_BYTES: env(z.string().regex(/^\d+(kb|mb)$/, { message: 'a size like 64mb' }).default('64mb')),
  PORTAL_SHELL_SDK_VERSION: env(z.string().regex(/^\d+\.\d+\.\d+/).optional()),
  PORTAL_CONTRACTS_VERSION: env(z.string().regex(/^\d+\.\d+\.\d+/).optional()),
  LOG_LEVEL: env(z.enum(LOG_LEVELS).default('info')),
});

export interface BffConfig {
  nodeEnv: 'development' | 'test' | 'production';
  http: { host: string; port: number; trustProxy: boolean | number | string };
  publicOrigin: string;
  databaseUrl: string;
  oidc: { issuer: string; clientId: string; clientSecret: string; scopes: string; redirectUri: string; postLogoutRedirectUri: string };
  session: {
    secret: string;
    cookieName: string;
    secure: boolean;
    idleTimeoutSeconds: number;
    absoluteLifetimeSeconds: number;
    /** Bound on every session-store query (connect + run); beyond it → 503 session_store_unavailable. */
    storeTimeoutMs: number;
    /**
     * How long a session read from Postgres is reused in-process (0: never). Writes through this instance
     * take effect at once; writes through another instance are seen after at most this delay.
     */
    readCacheMs: number;
  };
  coreApi: { url: string; audience: string; timeoutMs: number; routes: ProxiedRoute[] };
  /** Per client IP on /auth/*: at most `max` requests per `windowSeconds`. In-memory (per instance). */
  authRateLimit: { max: number; windowSeconds: number };
  /** The seed of a fresh registry database (REMOTES_REGISTRY, else the four local remotes). */
  registry: RemoteRegistry;
  /** Where published remote artifacts live (docs/adr/0008-independent-delivery.md). */
  remoteStore: { kind: 'disk'; dir: string } | { kind: 's3'; s3: S3StoreConfig };
  delivery: {
    /** How long /portal/remotes.json reuses its database read (ms). */
    registryCacheMs: number;
    publishMaxBytes: string;
    /** Versions of the shared packages this portal runs: published remotes must be built against the same majors. */
    portal: PortalVersions;
  };
  /** URL prefix → static folder. */
  webDist: Record<string, string>;
  logLevel: (typeof LOG_LEVELS)[number];
}

/** A core-api operation the proxy lets through: method and OpenAPI path template (`/api/v1/units/{code}`). */
export interface ProxiedRoute {
  method: string;
  path: string;
}

/** Every `/api/v1` operation of the contracts: the proxy's allowlist. */
export const contractRoutes = (): ProxiedRoute[] =>
  apiRoutes.filter((r) => r.path.startsWith('/api/v1/')).map((r) => ({ method: r.method.toUpperCase(), path: r.path }));

export class ConfigError extends Error {
  constructor(readonly problems: { key: string; message: string }[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.key} (${p.message})`).join(', ')}`);
    this.name = 'ConfigError';
  }
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value; // hop count, or IPs/subnets/"loopback"
}

function remoteVersion(name: string): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, `mf-${name}`, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.1.0';
  } catch {
    return '0.1.0';
  }
}

/** `dist/portal-versions.json` of the bundled BFF (bff/build.mjs), else the workspace's package.json. */
function workspaceVersion(dir: 'shell/sdk' | 'core-api/contracts'): string {
  try {
    const bundled = fileURLToPath(new URL('./portal-versions.json', import.meta.url));
    if (existsSync(bundled)) {
      const versions = JSON.parse(readFileSync(bundled, 'utf8')) as Record<string, string>;
      const version = versions[dir === 'shell/sdk' ? '@co2/shell-sdk' : '@co2/contracts'];
      if (version) return version;
    }
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, dir, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function defaultRegistry(): RemoteRegistry {
  return { remotes: REMOTES.map((name) => ({ name: `mf_${name}`, entry: `/remotes/${name}/remoteEntry.js`, version: remoteVersion(name) })) };
}

function defaultWebDist(): Record<string, string> {
  const dirs: Record<string, string> = { '/': path.join(REPO_ROOT, 'shell', 'dist') };
  for (const name of REMOTES) dirs[`/remotes/${name}`] = path.join(REPO_ROOT, `mf-${name}`, 'dist');
  return dirs;
}

/** Inline JSON, or a path to a JSON file. */
function readJson(value: string): unknown {
  const text = value.trimStart().startsWith('{') ? value : readFileSync(value, 'utf8');
  return JSON.parse(text);
}

type Problem = { key: string; message: string };

function parseRegistry(value: string | undefined, problems: Problem[]): RemoteRegistry {
  if (value === undefined) return defaultRegistry();
  try {
    const parsed = RemoteRegistry.safeParse(readJson(value));
    if (parsed.success) return parsed.data;
    problems.push({ key: 'REMOTES_REGISTRY', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  } catch (error) {
    problems.push({ key: 'REMOTES_REGISTRY', message: `must be a JSON registry or a path to one (${(error as Error).message})` });
  }
  return defaultRegistry();
}

const WebDistMap = z.record(z.string().regex(/^\/([a-z0-9._-]+(\/[a-z0-9._-]+)*)?$/i, 'keys must be URL prefixes like /remotes/x'), z.string().min(1));

function parseWebDist(value: string | undefined, problems: Problem[]): Record<string, string> {
  if (value === undefined) return defaultWebDist();
  try {
    const parsed = WebDistMap.safeParse(JSON.parse(value));
    if (parsed.success) return Object.fromEntries(Object.entries(parsed.data).map(([prefix, dir]) => [prefix, path.resolve(dir)]));
    problems.push({ key: 'WEB_DIST', message: parsed.error.issues.map((i) => i.message).join('; ') });
  } catch (error) {
    problems.push({ key: 'WEB_DIST', message: `must be a JSON object { "/prefix": "folder" } (${(error as Error).message})` });
  }
  return {};
}

/** Reads and validates the configuration; throws `ConfigError` naming every offending variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): BffConfig {
  const parsed = EnvSchema.safeParse(source);
  const problems: Problem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        key: String(issue.path[0] ?? '?'),
        message: issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.message,
      }));
  const registry = parseRegistry(source.REMOTES_REGISTRY || undefined, problems);
  const webDist = parseWebDist(source.WEB_DIST || undefined, problems);
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  if (e.REMOTE_STORE === 's3' && !e.S3_BUCKET) throw new ConfigError([{ key: 'S3_BUCKET', message: 'required when REMOTE_STORE=s3' }]);
  if (!e.PUBLIC_ORIGIN && e.NODE_ENV === 'production') throw new ConfigError([{ key: 'PUBLIC_ORIGIN', message: 'required in production' }]);
  const publicOrigin = (e.PUBLIC_ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const secure = publicOrigin.startsWith('https:');
  return {
    nodeEnv: e.NODE_ENV,
    http: { host: e.HOST, port: e.PORT, trustProxy: parseTrustProxy(e.TRUST_PROXY) },
    publicOrigin,
    databaseUrl: e.DATABASE_URL,
    oidc: {
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      scopes: e.OIDC_SCOPES,
      redirectUri: `${publicOrigin}/auth/callback`,
      postLogoutRedirectUri: `${publicOrigin}/`,
    },
    session: {
      secret: e.SESSION_SECRET,
      cookieName: secure ? '__Host-co2.sid' : 'co2.sid',
      secure,
      idleTimeoutSeconds: e.SESSION_IDLE_TIMEOUT_SECONDS,
      absoluteLifetimeSeconds: e.SESSION_ABSOLUTE_LIFETIME_SECONDS,
      storeTimeoutMs: e.SESSION_STORE_TIMEOUT_MS,
      readCacheMs: e.SESSION_READ_CACHE_MS,
    },
    coreApi: { url: e.CORE_API_URL.replace(/\/$/, ''), audience: e.CORE_API_AUDIENCE, timeoutMs: e.CORE_API_TIMEOUT_MS, routes: contractRoutes() },
    authRateLimit: { max: e.AUTH_RATE_LIMIT_MAX, windowSeconds: e.AUTH_RATE_LIMIT_WINDOW_SECONDS },
    registry,
    remoteStore:
      e.REMOTE_STORE === 's3'
        ? {
            kind: 's3',
            s3: {
              bucket: e.S3_BUCKET ?? '',
              region: e.S3_REGION,
              prefix: e.S3_PREFIX,
              forcePathStyle: e.S3_FORCE_PATH_STYLE ? e.S3_FORCE_PATH_STYLE === 'true' : Boolean(e.S3_ENDPOINT),
              ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}),
              ...(e.S3_ACCESS_KEY_ID ? { accessKeyId: e.S3_ACCESS_KEY_ID } : {}),
              ...(e.S3_SECRET_ACCESS_KEY ? { secretAccessKey: e.S3_SECRET_ACCESS_KEY } : {}),
            },
          }
        : { kind: 'disk', dir: path.resolve(e.REMOTE_STORE_DIR ?? path.join(REPO_ROOT, '.data', 'remotes')) },
    delivery: {
      registryCacheMs: e.REGISTRY_CACHE_MS,
      publishMaxBytes: e.PUBLISH_MAX_BYTES,
      portal: {
        '@co2/shell-sdk': e.PORTAL_SHELL_SDK_VERSION ?? workspaceVersion('shell/sdk'),
        '@co2/contracts': e.PORTAL_CONTRACTS_VERSION ?? workspaceVersion('core-api/contracts'),
      },
    },
    webDist,
    logLevel: e.LOG_LEVEL,
  };
}
