// Which /api requests may reach core-api: the contracts' /api/v1 operations (method + path template) and
// the public documentation (GET/HEAD). Everything else is 404 (unknown path) or 405 (known path, other method).
import type { ProxiedRoute } from '../config.js';

export type Verdict = { kind: 'protected' } | { kind: 'public' } | { kind: 'not_found' } | { kind: 'method_not_allowed'; allow: string[] };

const PUBLIC = /^\/api\/(openapi\.json|docs(\/[A-Za-z0-9._-]*)*)$/;
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;
const SEGMENT = '[A-Za-z0-9._~!$&\'()*+,;=:@%-]+';

interface Compiled {
  pattern: RegExp;
  methods: Set<string>;
}

function compile(routes: ProxiedRoute[]): Compiled[] {
  const byPath = new Map<string, Set<string>>();
  for (const r of routes) {
    const methods = byPath.get(r.path) ?? new Set<string>();
    methods.add(r.method.toUpperCase());
    if (r.method.toUpperCase() === 'GET') methods.add('HEAD');
    byPath.set(r.path, methods);
  }
  return [...byPath].map(([path, methods]) => {
    const source = path
      .split('/')
      .map((part) => (/^\{[^}]+\}$/.test(part) ? SEGMENT : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    return { pattern: new RegExp(`^${source}$`), methods };
  });
}

function decoded(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

export function apiAllowlist(routes: ProxiedRoute[]) {
  const compiled = compile(routes);
  /** `path` is the raw request path, `/api/...`. */
  return function verdict(method: string, path: string): Verdict {
    const plain = decoded(path);
    if (plain === undefined || DOT_SEGMENT.test(plain) || plain.includes('\\') || plain.includes('\0')) return { kind: 'not_found' };
    if (PUBLIC.test(plain)) return method === 'GET' || method === 'HEAD' ? { kind: 'public' } : { kind: 'method_not_allowed', allow: ['GET', 'HEAD'] };
    // Templates match the raw path: an encoded "/" (%2F) stays inside one segment.
    const route = compiled.find((c) => c.pattern.test(path));
    if (!route) return { kind: 'not_found' };
    return route.methods.has(method) ? { kind: 'protected' } : { kind: 'method_not_allowed', allow: [...route.methods] };
  };
}
