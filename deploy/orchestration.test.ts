// Static validation of docker compose (+ Traefik routes), the Kubernetes manifests and the deploy README. The
// checks (compose/compose-check.ts, k8s/manifest-check.ts) are pure functions returning a list of problems; the real
// files must yield none, and a deliberately broken copy must yield the expected problem.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RemoteRegistry } from '@co2/contracts';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { checkCompose, envFile } from './compose/compose-check.js';
import { images, type Doc } from './images/image-specs.js';
import { checkK8s, configMapData, loadK8s } from './k8s/manifest-check.js';

const deployDir = dirname(fileURLToPath(import.meta.url));
const imagesDir = join(deployDir, 'images');
const composeDir = join(deployDir, 'compose');
const k8sDir = join(deployDir, 'k8s');
const composeFile = join(composeDir, 'docker-compose.yml');
const envExample = join(composeDir, '.env.example');
const read = (path: string) => readFileSync(path, 'utf8');
const clone = <T>(value: T): T => structuredClone(value);

// ---------------------------------------------------------------------------------------------------------------
// docker compose + Traefik
// ---------------------------------------------------------------------------------------------------------------
type ComposeCli = { command: string; args: string[] } | { missing: string };

function composeCli(): ComposeCli {
  const docker = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
  if (docker.status === 0) return { command: 'docker', args: ['compose'] };
  const legacy = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
  if (legacy.status === 0 && /v2\./.test(legacy.stdout)) return { command: 'docker-compose', args: [] };
  return {
    missing:
      docker.error !== undefined
        ? '`docker` is not on PATH'
        : `\`docker compose\` is unavailable (${(docker.stderr || docker.stdout).trim()})`,
  };
}

describe('docker compose', () => {
  const compose = parseYaml(read(composeFile), { merge: true }) as Doc;
  const dynamic = parseYaml(read(join(composeDir, 'traefik', 'dynamic.yml'))) as Doc;
  const example = envFile(envExample);

  it('declares the services, routes and required secrets', () => {
    expect(checkCompose(compose, dynamic, example)).toEqual([]);
  });

  it('detects a default secret, a missing Dockerfile, a non-dev provider and a wrong route', () => {
    const defaultSecret = clone(compose);
    defaultSecret.services.bff.environment.SESSION_SECRET = '${SESSION_SECRET:-changeme}';
    expect(checkCompose(defaultSecret, dynamic, example)).toContain(
      'compose: bff.SESSION_SECRET is not a required ${VAR:?} interpolation (no default secrets)',
    );
    const badBuild = clone(compose);
    badBuild.services.web.build.dockerfile = 'deploy/images/webb.Dockerfile';
    expect(checkCompose(badBuild, dynamic, example)).toContain(
      'compose: web Dockerfile deploy/images/webb.Dockerfile missing',
    );
    const alwaysIdp = clone(compose);
    delete alwaysIdp.services['dev-idp'].profiles;
    expect(checkCompose(alwaysIdp, dynamic, example)).toContain('compose: dev-idp is not in profile dev');
    const prefix = clone(dynamic);
    prefix.http.routers.bff.rule = 'PathPrefix(`/api`)';
    expect(checkCompose(compose, prefix, example)).toContain('traefik: /auth/login goes to web, expected bff');
    const undocumented = new Map(example);
    undocumented.delete('SESSION_SECRET');
    expect(checkCompose(compose, dynamic, undocumented)).toContain(
      'compose: required variable SESSION_SECRET is not in .env.example',
    );
    const wrongPort = clone(dynamic);
    wrongPort.http.services.web.loadBalancer.servers[0].url = 'http://web:8081';
    expect(checkCompose(compose, wrongPort, example)).toContain(
      'traefik: service web points at web:8081, which does not expose that port',
    );
  });

  it('`docker compose config` accepts the file with .env.example and refuses it without a secret', () => {
    const cli = composeCli();
    if ('missing' in cli) {
      // The Compose v2 plugin is not installable from the registries this project's machines reach (Debian
      // bookworm ships only the v1 `docker-compose`, which rejects the Compose Specification). Without it the
      // file is parsed with the YAML parser and validated by the structural checks, never passed silently.
      console.warn(`[deploy] ${cli.missing}; compose validated structurally only (yaml + checks above)`);
      expect(checkCompose(compose, dynamic, example)).toEqual([]);
      return;
    }
    const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !example.has(key)));
    const run = (envPath: string) =>
      spawnSync(
        cli.command,
        [...cli.args, '-f', composeFile, '--env-file', envPath, '--profile', 'dev', 'config', '--quiet'],
        { encoding: 'utf8', env: cleanEnv },
      );
    const ok = run(envExample);
    expect(ok.status, ok.stderr).toBe(0);

    const dir = mkdtempSync(join(tmpdir(), 'co2-compose-'));
    try {
      const partial = join(dir, '.env');
      writeFileSync(partial, [...example].filter(([k]) => k !== 'SESSION_SECRET').map(([k, v]) => `${k}=${v}`).join('\n'));
      const refused = run(partial);
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain('SESSION_SECRET');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Kubernetes
// ---------------------------------------------------------------------------------------------------------------
describe('Kubernetes manifests', () => {
  const { files } = loadK8s();
  const mutate = (file: string, index: number, change: (doc: Doc) => void) => {
    const copy = new Map([...files].map(([f, docs]) => [f, clone(docs)]));
    change(copy.get(file)![index]!);
    return checkK8s(copy);
  };

  it('are consistent: selectors, probes, resources, references, Ingress backends, HPAs, kustomization', () => {
    expect(checkK8s(files)).toEqual([]);
  });

  it('carry the runtime registry as a valid RemoteRegistry and WEB_DIST={} for the BFF', () => {
    const data = configMapData();
    const registry = RemoteRegistry.parse(JSON.parse(data.REMOTES_REGISTRY!));
    expect(registry.remotes.map((r) => r.name)).toEqual(['mf_inventory', 'mf_travel', 'mf_dashboard', 'mf_backoffice']);
    expect(JSON.parse(data.WEB_DIST!)).toEqual({});
  });

  it('detect broken selectors, dangling references, missing probes and unlisted files', () => {
    expect(
      mutate('core-api.yaml', 0, (d) => {
        d.spec.selector.matchLabels['app.kubernetes.io/name'] = 'core';
      }),
    ).toContain('k8s: Deployment core-api: selector does not match the template labels');
    expect(
      mutate('bff.yaml', 0, (d) => {
        delete d.spec.template.spec.containers[0].readinessProbe;
      }),
    ).toContain('k8s: Deployment bff/bff: no readinessProbe');
    expect(
      mutate('bff.yaml', 0, (d) => {
        d.spec.template.spec.containers[0].env.find((e: Doc) => e.name === 'SESSION_SECRET').valueFrom.secretKeyRef.key =
          'SESSION_KEY';
      }),
    ).toContain('k8s: Deployment bff/bff: env SESSION_SECRET refers to undocumented secret key co2-portal-secrets/SESSION_KEY');
    expect(
      mutate('bff.yaml', 0, (d) => {
        d.spec.template.spec.containers[0].env.find((e: Doc) => e.name === 'PUBLIC_ORIGIN').valueFrom.configMapKeyRef.name =
          'other';
      }),
    ).toContain('k8s: Deployment bff/bff: env PUBLIC_ORIGIN refers to missing ConfigMap key other/PUBLIC_ORIGIN');
    expect(
      mutate('web.yaml', 1, (d) => {
        d.spec.selector['app.kubernetes.io/name'] = 'website';
      }),
    ).toContain('k8s: Service web: selector matches no Deployment');
    expect(
      mutate('ingress.yaml', 0, (d) => {
        d.spec.rules[0].http.paths[0].backend.service.name = 'bff-svc';
      }),
    ).toContain('k8s: Ingress co2-portal: /api → unknown Service bff-svc');
    expect(
      mutate('core-api.yaml', 2, (d) => {
        d.spec.scaleTargetRef.name = 'core';
      }),
    ).toContain('k8s: HPA core-api: scaleTargetRef names no Deployment');
    expect(
      mutate('kustomization.yaml', 0, (d) => {
        d.resources = d.resources.filter((r: string) => r !== 'web.yaml');
      }),
    ).toContain('k8s: kustomization does not list web.yaml');
    expect(
      mutate('web.yaml', 0, (d) => {
        d.spec.template.spec.containers[0].ports[0].containerPort = 80;
      }),
    ).toContain("k8s: Deployment web/web: containerPort differs from the image's EXPOSE 8080");
    expect(
      mutate('bff.yaml', 0, (d) => {
        const c = d.spec.template.spec.containers[0];
        c.env = c.env.filter((e: Doc) => e.name !== 'TRUST_PROXY');
      }),
    ).toContain('k8s: Deployment bff/bff: env TRUST_PROXY missing');
    expect(
      mutate('core-api.yaml', 0, (d) => {
        d.spec.replicas = 3;
      }),
    ).toContain('k8s: HPA core-api: Deployment core-api sets replicas, which every apply would reset under the HPA');
  });

  it('render with `kubectl kustomize` when kubectl is installed', () => {
    const probe = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
    if (probe.error) {
      console.warn('[deploy] kubectl not on PATH; kustomization checked structurally only');
      expect(checkK8s(files)).toEqual([]);
      return;
    }
    const rendered = spawnSync('kubectl', ['kustomize', k8sDir], { encoding: 'utf8' });
    expect(rendered.status, rendered.stderr).toBe(0);
    const kinds = parseAllDocuments(rendered.stdout).map((d) => (d.toJS() as Doc).kind as string);
    const expected = [...files.entries()]
      .filter(([f]) => (files.get('kustomization.yaml')![0]!.resources as string[]).includes(f))
      .flatMap(([, docs]) => docs.map((d) => d.kind as string));
    expect(kinds.sort()).toEqual(expected.sort());
    for (const doc of parseAllDocuments(rendered.stdout).map((d) => d.toJS() as Doc)) {
      if (doc.kind !== 'Namespace') expect(doc.metadata.namespace, `${doc.kind} ${doc.metadata.name}`).toBe('co2-portal');
    }
  });
});

describe('deploy/README.md', () => {
  it('documents every variable the compose file and the manifests use', () => {
    const readme = read(join(deployDir, 'README.md'));
    const variables = new Set<string>();
    for (const service of Object.values((parseYaml(read(composeFile), { merge: true }) as Doc).services) as Doc[]) {
      for (const key of Object.keys(service.environment ?? {})) if (/^[A-Z_]+$/.test(key) && !key.startsWith('POSTGRES_')) variables.add(key);
    }
    for (const key of Object.keys(configMapData())) variables.add(key);
    for (const key of envFile(envExample).keys()) variables.add(key);
    const undocumented = [...variables].filter((v) => !readme.includes(`\`${v}\``));
    expect(undocumented).toEqual([]);
    for (const spec of images) expect(readme).toContain(`deploy/images/${spec.file}`);
  });

  it('every file under images/, compose/ and k8s/ is described', () => {
    const readme = read(join(deployDir, 'README.md'));
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
    const files = [imagesDir, composeDir, k8sDir]
      .flatMap(walk)
      .map((f) => relative(deployDir, f))
      .filter((f) => !f.endsWith('.dockerignore') && !f.endsWith('.gitignore') && !f.endsWith('/.env'));
    expect(files.filter((f) => !readme.includes(f))).toEqual([]);
  });
});

