// docker compose file and Traefik routes: structural checks that run everywhere (the real `docker compose config`
// runs in deploy/orchestration.test.ts when the compose plugin is installed).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bffEnv, coreApiEnv, images, type Doc } from '../images/image-specs.js';

const composeDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(composeDir, '../..');
const read = (path: string) => readFileSync(path, 'utf8');

export function envFile(path: string): Map<string, string> {
  return new Map(
    read(path)
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as [string, string]),
  );
}

const secretLike = /SECRET|PASSWORD|DATABASE_URL/;

/** Evaluates the subset of Traefik rule syntax used here: PathPrefix, Path, PathRegexp joined by `||`. */
function traefikMatches(rule: string, path: string): boolean {
  return rule.split('||').some((part) => {
    const m = /^\s*(PathPrefix|PathRegexp|Path)\(`([^`]*)`\)\s*$/.exec(part);
    if (!m) throw new Error(`unsupported Traefik rule: ${part}`);
    if (m[1] === 'PathPrefix') return path.startsWith(m[2]!);
    if (m[1] === 'Path') return path === m[2];
    return new RegExp(m[2]!).test(path);
  });
}

function traefikRoute(dynamic: Doc, path: string): string | undefined {
  const routers = Object.values(dynamic.http?.routers ?? {}) as Doc[];
  const matching = routers
    .filter((r) => traefikMatches(String(r.rule), path))
    .sort((a, b) => (b.priority ?? String(b.rule).length) - (a.priority ?? String(a.rule).length));
  return matching[0]?.service;
}

export function checkCompose(compose: Doc, dynamic: Doc, exampleEnv: Map<string, string>): string[] {
  const problems: string[] = [];
  const services = (compose.services ?? {}) as Record<string, Doc>;
  for (const name of ['postgres', 'core-api', 'bff', 'web', 'traefik', 'dev-idp']) {
    if (!services[name]) problems.push(`compose: service ${name} missing`);
  }
  const postgres = services.postgres ?? {};
  if (postgres.image !== 'postgres:15-alpine') problems.push(`compose: postgres image is ${postgres.image}`);
  if (!postgres.healthcheck?.test) problems.push('compose: postgres has no healthcheck');
  const pgVolume = (postgres.volumes ?? []).find((v: string) => String(v).endsWith(':/var/lib/postgresql/data'));
  if (!pgVolume || !(String(pgVolume).split(':')[0]! in (compose.volumes ?? {}))) {
    problems.push('compose: postgres data is not on a named volume');
  }
  if (JSON.stringify(services['dev-idp']?.profiles) !== '["dev"]') problems.push('compose: dev-idp is not in profile dev');

  for (const [name, service] of Object.entries(services)) {
    if (name !== 'dev-idp' && service.profiles) problems.push(`compose: ${name} must not need a profile`);
    if (service.build) {
      const context = resolve(composeDir, service.build.context ?? '.');
      const dockerfile = resolve(context, service.build.dockerfile ?? 'Dockerfile');
      if (context !== repoRoot) problems.push(`compose: ${name} build context is not the repository root`);
      if (!existsSync(dockerfile)) problems.push(`compose: ${name} Dockerfile ${relative(repoRoot, dockerfile)} missing`);
    }
    const dependsOn = service.depends_on ?? {};
    for (const dep of Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn)) {
      if (!services[dep]) problems.push(`compose: ${name} depends on unknown service ${dep}`);
      else if (services[dep].profiles && !Array.isArray(dependsOn) && dependsOn[dep].required !== false) {
        problems.push(`compose: ${name} requires ${dep}, which only exists in a profile (set required: false)`);
      }
    }
    for (const [key, value] of Object.entries(service.environment ?? {})) {
      if (secretLike.test(key) && !/\$\{[A-Z_]+:\?[^}]*\}/.test(String(value))) {
        problems.push(`compose: ${name}.${key} is not a required \${VAR:?} interpolation (no default secrets)`);
      }
    }
    for (const volume of service.volumes ?? []) {
      const source = String(volume).split(':')[0]!;
      if (source.startsWith('.') && !existsSync(resolve(composeDir, source))) {
        problems.push(`compose: ${name} mounts missing file ${source}`);
      }
    }
  }

  const text = JSON.stringify(compose);
  for (const [, variable, operator] of text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?])?[^}]*\}/g)) {
    if (!operator) problems.push(`compose: \${${variable}} has neither a default (:-) nor a required marker (:?)`);
    if (operator?.endsWith('?') && !exampleEnv.has(variable!)) {
      problems.push(`compose: required variable ${variable} is not in .env.example`);
    }
  }

  const env = (name: string) => Object.keys(services[name]?.environment ?? {});
  const expectedEnv: Record<string, string[]> = {
    'core-api': [...coreApiEnv, 'CORE_API_HOST'],
    bff: [...bffEnv, 'HOST'],
    'dev-idp': [
      'DEV_IDP_PORT',
      'DEV_IDP_ISSUER',
      'OIDC_CLIENT_ID',
      'OIDC_CLIENT_SECRET',
      'DEV_IDP_REDIRECT_URIS',
      'DEV_IDP_POST_LOGOUT_REDIRECT_URIS',
      'CORE_API_AUDIENCE',
      'DEV_IDP_KEYS_FILE',
    ],
  };
  for (const [name, keys] of Object.entries(expectedEnv)) {
    for (const key of keys) if (!env(name).includes(key)) problems.push(`compose: ${name} lacks ${key}`);
  }
  if (services.bff?.environment?.CORE_API_URL !== 'http://core-api:8081') {
    problems.push('compose: bff CORE_API_URL does not point at the core-api service');
  }

  // Traefik: file provider mounted, routes to existing services on their exposed ports.
  const traefik = services.traefik ?? {};
  if (!/^traefik:v3/.test(String(traefik.image))) problems.push(`compose: traefik image ${traefik.image} is not v3`);
  const fileFlag = (traefik.command ?? []).find((c: string) => c.startsWith('--providers.file.filename='));
  const mounted = (traefik.volumes ?? []).map((v: string) => String(v).split(':')[1]);
  if (!fileFlag || !mounted.includes(fileFlag.split('=')[1])) problems.push('compose: traefik dynamic file not mounted');
  for (const [name, svc] of Object.entries((dynamic.http?.services ?? {}) as Record<string, Doc>)) {
    for (const server of svc.loadBalancer?.servers ?? []) {
      const url = new URL(server.url);
      const target = images.find((i) => i.file === `${url.hostname}.Dockerfile`);
      if (!services[url.hostname]) problems.push(`traefik: service ${name} points at unknown host ${url.hostname}`);
      else if (!target || target.port !== Number(url.port)) {
        problems.push(`traefik: service ${name} points at ${url.host}, which does not expose that port`);
      }
    }
  }
  const routes: Array<[string, string]> = [
    ['/api/v1/me', 'bff'],
    ['/api', 'bff'],
    ['/auth/login', 'bff'],
    ['/auth/callback', 'bff'],
    ['/bff/user', 'bff'],
    ['/portal/remotes.json', 'bff'],
    ['/', 'web'],
    ['/inventory/entries', 'web'],
    ['/remotes/travel/remoteEntry.js', 'web'],
    ['/remotes/mf_travel/0.2.0/remoteEntry.js', 'bff'],
    ['/remotes/mf_travel/0.2.0/assets/lifecycle-AbCd1234.js', 'bff'],
    ['/apidocs', 'web'],
  ];
  for (const [path, expected] of routes) {
    const actual = traefikRoute(dynamic, path);
    if (actual !== expected) problems.push(`traefik: ${path} goes to ${actual}, expected ${expected}`);
  }
  return problems;
}
