// Static web bundles (shell at /, remotes at /remotes/<name>) and the SPA fallback to the shell. Every web build
// writes a brotli (`.br`) and a gzip (`.gz`) copy beside each text file (shell/sdk/compression.mjs): the copy the
// client accepts is sent as it is, with `Content-Encoding` (br first, then gzip, else the original), the
// original's Content-Type and `Vary: Accept-Encoding`; nothing is compressed per request. Hashed assets are
// immutable, everything else (index.html, remoteEntry.js) is revalidated.
import type { ServerResponse } from 'node:http';
import { Router, type RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { sendError } from '../errors.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Vite's hashed output: `assets/<name>-<8+ char hash>.<ext>`, or its `.br` / `.gz` copy. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(?:\.br|\.gz)?$/i;
/** Paths that never receive the shell's index.html. */
const NO_FALLBACK = /^\/(api|auth|bff|portal|remotes)(\/|$)/;

function cacheHeaders(res: ServerResponse, file: string): void {
  res.setHeader('Cache-Control', HASHED_ASSET.test(file) ? IMMUTABLE : 'no-cache');
}

/** One built folder, each file sent in the best precompressed encoding the client accepts. */
function precompressed(dir: string): RequestHandler {
  return expressStaticGzip(dir, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: 'index.html',
    serveStatic: { index: ['index.html'], setHeaders: cacheHeaders, fallthrough: true, redirect: false },
  }) as RequestHandler;
}

/** Serves every WEB_DIST folder under its prefix (longest prefix first). */
export function staticBundles(webDist: Record<string, string>): Router {
  const router = Router();
  const entries = Object.entries(webDist).sort(([a], [b]) => b.length - a.length);
  for (const [prefix, dir] of entries) router.use(prefix, precompressed(dir));
  return router;
}

/** GET navigations outside the reserved prefixes receive the shell's index.html (precompressed too). */
export function spaFallback(shellDir: string | undefined): RequestHandler {
  const shell = shellDir ? precompressed(shellDir) : undefined;
  return (req, res, next) => {
    const navigation = (req.method === 'GET' || req.method === 'HEAD') && (req.get('accept') ?? '').includes('text/html');
    if (!navigation || NO_FALLBACK.test(req.path) || !shell) return next();
    const url = req.url;
    req.url = '/index.html';
    return shell(req, res, (err?: unknown) => {
      req.url = url;
      if (err) return next(err);
      sendError(res, 'not_found', 'The shell is not built (no index.html)');
    });
  };
}
