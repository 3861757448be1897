// Static web bundles (shell at /, remotes at /remotes/<name>) and the SPA fallback to the shell.
import path from 'node:path';
import express, { Router, type RequestHandler, type Response } from 'express';
import { sendError } from '../errors.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Vite's hashed output: `assets/<name>-<8+ char hash>.<ext>`. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/i;
/** Paths that never receive the shell's index.html. */
const NO_FALLBACK = /^\/(api|auth|bff|portal|remotes)(\/|$)/;

function cacheHeaders(res: Response, file: string): void {
  res.setHeader('Cache-Control', HASHED_ASSET.test(file) ? IMMUTABLE : 'no-cache');
}

/** Serves every WEB_DIST folder under its prefix (longest prefix first). */
export function staticBundles(webDist: Record<string, string>): Router {
  const router = Router();
  const entries = Object.entries(webDist).sort(([a], [b]) => b.length - a.length);
  for (const [prefix, dir] of entries) {
    router.use(prefix, express.static(dir, { index: ['index.html'], setHeaders: cacheHeaders, fallthrough: true, redirect: false }));
  }
  return router;
}

/** GET navigations outside the reserved prefixes receive the shell's index.html. */
export function spaFallback(shellDir: string | undefined): RequestHandler {
  const index = shellDir ? path.join(shellDir, 'index.html') : undefined;
  return (req, res, next) => {
    const navigation = (req.method === 'GET' || req.method === 'HEAD') && (req.get('accept') ?? '').includes('text/html');
    if (!navigation || NO_FALLBACK.test(req.path)) return next();
    if (!index) return next();
    res.setHeader('Cache-Control', 'no-cache');
    return res.sendFile(index, (err) => {
      if (err && !res.headersSent) sendError(res, 'not_found', 'The shell is not built (no index.html)');
    });
  };
}
