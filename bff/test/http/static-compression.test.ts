import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { HASHED_ASSET, HASHED_ASSET_BODY, HASHED_CSS, HASHED_CSS_BODY, REMOTE_ENTRY_BODY, SHELL_HTML, UNCOMPRESSED_ASSET } from '../support/web-dist.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body exactly as it came over the wire (fetch would decompress it). */
  body: Buffer;
}

function get(path: string, headers: Record<string, string>, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${h.origin}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('precompressed static bundles', () => {
  it('when the browser accepts br and gzip, then a hashed asset is sent as its brotli copy, immutable, with the JS type', async () => {
    const res = await get(`/${HASHED_ASSET}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(HASHED_ASSET_BODY.length);
    expect(brotliDecompressSync(res.body).toString()).toBe(HASHED_ASSET_BODY);
  });

  it('when the client accepts only gzip, then the gzip copy is sent', async () => {
    for (const acceptEncoding of ['gzip', 'gzip, deflate', 'br;q=0, gzip']) {
      const res = await get(`/${HASHED_CSS}`, { 'accept-encoding': acceptEncoding });
      expect(res.headers['content-encoding'], acceptEncoding).toBe('gzip');
      expect(res.headers['content-type']).toMatch(/^text\/css/);
      expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(gunzipSync(res.body).toString()).toBe(HASHED_CSS_BODY);
    }
  });

  it('when the client accepts no compression, then the original is sent, still varying on Accept-Encoding', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'deflate' }] as Record<string, string>[]) {
      const res = await get(`/${HASHED_ASSET}`, headers);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(res.body.toString()).toBe(HASHED_ASSET_BODY);
    }
  });

  it('when a file has no compressed copy, then the original is sent whatever the client accepts', async () => {
    const res = await get(`/${UNCOMPRESSED_ASSET}`, { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.body.toString()).toBe('console.log(1)');
  });

  it('when a remote entry is requested with br, then its brotli copy is sent and revalidated on every load', async () => {
    const res = await get('/remotes/inventory/remoteEntry.js', { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.body).toString()).toBe(REMOTE_ENTRY_BODY);
  });

  it('when a client-side route or / is navigated to, then the shell index.html is sent compressed and not cached', async () => {
    for (const path of ['/', '/inventory/entries/42']) {
      const br = await get(path, { accept: 'text/html', 'accept-encoding': 'br, gzip' });
      expect(br.status, path).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/^text\/html/);
      expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(br.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(br.body).toString()).toBe(SHELL_HTML);
      const plain = await get(path, { accept: 'text/html' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(SHELL_HTML);
    }
  });

  it('when a compressed asset is asked for with HEAD, then the headers match the GET and no body is sent', async () => {
    const res = await get(`/${HASHED_ASSET}`, { 'accept-encoding': 'br' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.body.length).toBe(0);
  });
});
