import { RemoteRegistry } from '@co2/contracts';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { startHarness, type Harness } from '../support/harness.js';
import { listen } from '../support/servers.js';
import { HASHED_ASSET, SHELL_HTML } from '../support/web-dist.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const html = { accept: 'text/html,application/xhtml+xml' };

describe('portal documents and static bundles', () => {
  it('when the registry is requested, then it lists the four seeded remotes, validated, private and revalidated', async () => {
    const res = await fetch(`${h.origin}/portal/remotes.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const registry = RemoteRegistry.parse(await res.json());
    expect(registry.remotes.map((r) => [r.name, r.entry])).toEqual([
      ['mf_backoffice', '/remotes/backoffice/remoteEntry.js'],
      ['mf_dashboard', '/remotes/dashboard/remoteEntry.js'],
      ['mf_inventory', '/remotes/inventory/remoteEntry.js'],
      ['mf_travel', '/remotes/travel/remoteEntry.js'],
    ]);
    for (const remote of registry.remotes) expect(remote.version).toMatch(/^\d+\.\d+\.\d+/);
    const again = await fetch(`${h.origin}/portal/remotes.json`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('when a client-side route is navigated to, then the shell index.html is served with no-cache', async () => {
    for (const path of ['/', '/inventory/entries/42', '/backoffice']) {
      const res = await fetch(`${h.origin}${path}`, { headers: html });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(SHELL_HTML);
    }
  });

  it('when a missing remote file is requested, then it is a 404, never the shell HTML', async () => {
    const res = await fetch(`${h.origin}/remotes/inventory/missing.js`, { headers: html });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const unknownRemote = await fetch(`${h.origin}/remotes/travel/remoteEntry.js`, { headers: html });
    expect(unknownRemote.status).toBe(404);
  });

  it('when reserved prefixes are navigated to, then they never fall back to the shell', async () => {
    for (const path of ['/api/nope', '/auth/nope', '/bff/nope', '/portal/nope']) {
      const res = await fetch(`${h.origin}${path}`, { headers: html });
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('CO2 shell');
    }
  });

  it('when assets are requested, then hashed files are immutable and remoteEntry.js is revalidated', async () => {
    const asset = await fetch(`${h.origin}/${HASHED_ASSET}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const entry = await fetch(`${h.origin}/remotes/inventory/remoteEntry.js`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('cache-control')).toBe('no-cache');
    expect(entry.headers.get('content-type')).toMatch(/javascript/);
  });

  it('when a missing asset is fetched by a script, then it is a 404 (no HTML fallback)', async () => {
    const res = await fetch(`${h.origin}/assets/missing-12345678.js`, { headers: { accept: '*/*' } });
    expect(res.status).toBe(404);
  });

  it('when probes are called, then /healthz and /readyz answer ok without a session', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const res = await fetch(`${h.origin}${path}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('when the database is unreachable, then /readyz answers 503', async () => {
    const deadPool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:9/none', connectionTimeoutMillis: 500 });
    const server = await listen(createApp(h.config, { pool: deadPool, logger: pino({ level: 'silent' }) }));
    try {
      const res = await fetch(`${server.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable' });
    } finally {
      await server.close();
      await deadPool.end();
    }
  });
});
