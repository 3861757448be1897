// The remote store's two adapters pass the same checks: local disk, and S3 against a real S3-compatible server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3RemoteStore } from '../../src/remotes/s3-store.js';
import { diskRemoteStore, type RemoteStore } from '../../src/remotes/store.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';

let s3: S3Server;
let diskDir: string;
beforeAll(async () => {
  s3 = await startS3Server();
  diskDir = mkdtempSync(path.join(tmpdir(), 'co2-disk-store-'));
});
afterAll(async () => {
  await s3?.close();
  if (diskDir) rmSync(diskDir, { recursive: true, force: true });
});

const adapters: [string, () => RemoteStore][] = [
  ['disk', () => diskRemoteStore(diskDir)],
  ['s3 (s3rver)', () => s3RemoteStore(s3.config)],
];

describe.each(adapters)('remote store: %s', (_kind, makeStore) => {
  it('when an object is put, then it reads back byte for byte and is listed under its version', async () => {
    const store = makeStore();
    const bytes = Buffer.from([0, 1, 2, 255, ...Buffer.from('export const x = 1;')]);
    await store.put('mf_travel/0.2.0/remoteEntry.js', bytes, 'text/javascript');
    await store.put('mf_travel/0.2.0/assets/lifecycle-AbCd1234.js', Buffer.from('a'), 'text/javascript');
    await store.put('mf_travel/0.3.0/remoteEntry.js', Buffer.from('b'), 'text/javascript');
    expect(Buffer.compare((await store.get('mf_travel/0.2.0/remoteEntry.js'))!, bytes)).toBe(0);
    expect(await store.list('mf_travel/0.2.0/')).toEqual(['mf_travel/0.2.0/assets/lifecycle-AbCd1234.js', 'mf_travel/0.2.0/remoteEntry.js']);
  });

  it('when an object was never put, then get answers null and listing an unknown prefix is empty', async () => {
    const store = makeStore();
    expect(await store.get('mf_travel/9.9.9/remoteEntry.js')).toBeNull();
    expect(await store.list('mf_nothing/1.0.0/')).toEqual([]);
  });

  it('when a key tries to leave the store, then it is refused', async () => {
    const store = makeStore();
    await expect(store.put('mf_travel/../../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/invalid store key/);
    await expect(store.get('mf_travel/0.2.0/../x')).rejects.toThrow(/invalid store key/);
  });
});
