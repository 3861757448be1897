// GET /remotes/<remote>/<version>/<file>: published artifacts from the remote store, immutable (a version's
// bytes never change), in the best precompressed copy the client accepts (br, then gzip, else the original).
// Objects read once are kept in memory (bounded), so a store on the network is asked once per file.
import path from 'node:path';
import { Router } from 'express';
import { sendError } from '../errors.js';
import type { RemoteStore } from './store.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REMOTE_NAME = /^[a-z][a-z0-9_]{0,62}$/;
export const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]{1,40})?$/;
const FILE = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  const name = file.replace(/\.(br|gz)$/, '');
  return TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** A byte-bounded in-memory cache of immutable objects (least recently used out first). */
export function objectCache(maxBytes: number) {
  const entries = new Map<string, Buffer | null>();
  let bytes = 0;
  return {
    async get(key: string, load: () => Promise<Buffer | null>): Promise<Buffer | null> {
      if (entries.has(key)) {
        const hit = entries.get(key) ?? null;
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const value = await load();
      if (value === null) return null; // a missing object may be published later: never cached
      entries.set(key, value);
      bytes += value.length;
      for (const [old, buf] of entries) {
        if (bytes <= maxBytes) break;
        entries.delete(old);
        bytes -= buf?.length ?? 0;
      }
      return value;
    },
  };
}

export function remoteFiles(store: RemoteStore, cacheBytes = 64 * 1024 * 1024): Router {
  const router = Router();
  const cache = objectCache(cacheBytes);
  router.get('/remotes/:remote/:version/*file', async (req, res, next) => {
    const { remote, version } = req.params;
    const file = (req.params as unknown as { file: string[] }).file.join('/');
    if (!REMOTE_NAME.test(remote) || !VERSION.test(version)) return next(); // e.g. /remotes/travel/assets/x.js (local bundles)
    if (!FILE.test(file) || file.split('/').includes('..')) return sendError(res, 'not_found', `No file ${file.slice(0, 100)}`);
    const key = `${remote}/${version}/${file}`;
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const candidates: [string, string | null][] = [];
    if (/\bbr\b/.test(accepts)) candidates.push([`${key}.br`, 'br']);
    if (/\bgzip\b/.test(accepts)) candidates.push([`${key}.gz`, 'gzip']);
    candidates.push([key, null]);
    for (const [candidate, encoding] of candidates) {
      const body = await cache.get(candidate, () => store.get(candidate));
      if (body === null) continue;
      res.set({ 'Cache-Control': IMMUTABLE, 'Content-Type': contentTypeOf(file), Vary: 'Accept-Encoding', 'X-Content-Type-Options': 'nosniff' });
      if (encoding) res.set('Content-Encoding', encoding);
      return res.status(200).send(body);
    }
    // The original must exist when a copy does; without it the file was never published.
    return sendError(res, 'not_found', `No file ${file.slice(0, 100)} in ${remote} ${version}`);
  });
  return router;
}
