// nginx.conf of the web image: a small parser and a simulation of how nginx picks a location and answers
// (try_files, return, add_header Cache-Control), plus the request table the web image must satisfy.

export interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}

export function parseNginx(text: string): Directive[] {
  const tokens: string[] = [];
  const re = /#[^\n]*|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([{};])|([^\s{};"'#]+)/g;
  for (const m of text.matchAll(re)) {
    if (m[0].startsWith('#')) continue;
    tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4]!);
  }
  let pos = 0;
  const block = (): Directive[] => {
    const out: Directive[] = [];
    while (pos < tokens.length && tokens[pos] !== '}') {
      const words: string[] = [];
      while (pos < tokens.length && tokens[pos] !== ';' && tokens[pos] !== '{' && tokens[pos] !== '}') {
        words.push(tokens[pos++]!);
      }
      const [name = '', ...args] = words;
      if (tokens[pos] === ';') {
        pos++;
        out.push({ name, args });
      } else if (tokens[pos] === '{') {
        pos++;
        out.push({ name, args, block: block() });
        if (tokens[pos++] !== '}') throw new Error(`nginx: unclosed block ${name}`);
      } else {
        throw new Error(`nginx: directive ${name} not terminated`);
      }
    }
    return out;
  };
  const result = block();
  if (pos !== tokens.length) throw new Error('nginx: unbalanced }');
  return result;
}

function locationOf(block: Directive[], uri: string): Directive | undefined {
  const locations = block.filter((d) => d.name === 'location');
  const modifier = (d: Directive) => (d.args.length > 1 ? d.args[0]! : '');
  const target = (d: Directive) => d.args.at(-1)!;
  const exact = locations.find((d) => modifier(d) === '=' && target(d) === uri);
  if (exact) return exact;
  const prefix = locations
    .filter((d) => (modifier(d) === '' || modifier(d) === '^~') && uri.startsWith(target(d)))
    .sort((a, b) => target(b).length - target(a).length)[0];
  if (prefix?.block) {
    const nested = locationOf(prefix.block, uri);
    if (nested) return nested;
  }
  if (prefix && modifier(prefix) === '^~') return prefix;
  const regex = locations.find(
    (d) => (modifier(d) === '~' || modifier(d) === '~*') && new RegExp(target(d), modifier(d) === '~*' ? 'i' : '').test(uri),
  );
  return regex ?? prefix;
}

export interface Served {
  status: number;
  file?: string;
  cacheControl?: string;
}

export function serve(config: Directive[], uri: string, files: Set<string>, redirects = 0): Served {
  const server = config.find((d) => d.name === 'server')?.block ?? [];
  const location = locationOf(server, uri);
  const body = location?.block ?? [];
  const header = (body.some((d) => d.name === 'add_header') ? body : server).find(
    (d) => d.name === 'add_header' && d.args[0]?.toLowerCase() === 'cache-control',
  )?.args[1];
  const withHeader = (served: Served): Served => (header ? { ...served, cacheControl: header } : served);
  const ret = body.find((d) => d.name === 'return');
  if (ret) return { status: Number(ret.args[0]) };
  const tryFiles = body.find((d) => d.name === 'try_files');
  if (!tryFiles) return files.has(uri) ? withHeader({ status: 200, file: uri }) : { status: 404 };
  for (const candidate of tryFiles.args.slice(0, -1)) {
    const path = candidate.replaceAll('$uri', uri);
    if (files.has(path)) return withHeader({ status: 200, file: path });
  }
  const last = tryFiles.args.at(-1)!;
  if (/^=\d{3}$/.test(last)) return { status: Number(last.slice(1)) };
  if (redirects > 5) throw new Error('nginx: internal redirect loop');
  return serve(config, last.replaceAll('$uri', uri), files, redirects + 1);
}

export const builtWeb = new Set([
  '/index.html',
  '/assets/index-3f2a1b.js',
  '/favicon.svg',
  '/.env',
  ...['inventory', 'travel', 'dashboard', 'backoffice'].flatMap((r) => [
    `/remotes/${r}/remoteEntry.js`,
    `/remotes/${r}/assets/lifecycle-9c8d7e.js`,
  ]),
]);
export const year = 'public, max-age=31536000, immutable';

/** What the web image must answer (see deploy/README.md). */
export const webRequests: Array<[string, Served]> = [
  ['/', { status: 200, file: '/index.html', cacheControl: 'no-cache' }],
  ['/index.html', { status: 200, file: '/index.html', cacheControl: 'no-cache' }],
  ['/travel/trips/42', { status: 200, file: '/index.html', cacheControl: 'no-cache' }],
  ['/favicon.svg', { status: 200, file: '/favicon.svg', cacheControl: 'no-cache' }],
  ['/assets/index-3f2a1b.js', { status: 200, file: '/assets/index-3f2a1b.js', cacheControl: year }],
  ['/assets/gone-000000.js', { status: 404 }],
  ['/remotes/travel/remoteEntry.js', { status: 200, file: '/remotes/travel/remoteEntry.js', cacheControl: 'no-cache' }],
  [
    '/remotes/travel/assets/lifecycle-9c8d7e.js',
    { status: 200, file: '/remotes/travel/assets/lifecycle-9c8d7e.js', cacheControl: year },
  ],
  ['/remotes/travel/missing.js', { status: 404 }],
  ['/remotes/travel/assets/missing-000000.js', { status: 404 }],
  ['/remotes/unknown/remoteEntry.js', { status: 404 }],
  ['/.env', { status: 404 }],
];

export function checkNginx(config: Directive[]): string[] {
  const problems = webRequests.flatMap(([uri, expected]) => {
    const actual = serve(config, uri, builtWeb);
    return JSON.stringify(actual) === JSON.stringify(expected)
      ? []
      : [`nginx: GET ${uri} gives ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`];
  });
  const server = config.find((d) => d.name === 'server')?.block ?? [];
  const listen = server.find((d) => d.name === 'listen')?.args[0];
  if (listen !== '8080') problems.push(`nginx: listens on ${listen}, expected 8080 (unprivileged)`);
  const on = (name: string) => server.some((d) => d.name === name && d.args[0] === 'on');
  if (!on('gzip_static')) problems.push('nginx: gzip_static is not on, the builds\' precompressed .gz copies are never sent');
  if (!on('gzip_vary')) problems.push('nginx: gzip_vary is not on, caches would mix compressed and plain answers');
  return problems;
}
