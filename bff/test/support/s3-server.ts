// A real S3-compatible server for the tests (s3rver: the S3 REST API over HTTP, objects on disk), on a free
// loopback port with one bucket.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3StoreConfig } from '../../src/remotes/s3-store.js';

export interface S3Server {
  config: S3StoreConfig;
  close(): Promise<void>;
}

export async function startS3Server(bucket = 'co2-remotes'): Promise<S3Server> {
  const directory = mkdtempSync(path.join(tmpdir(), 'co2-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    // s3rver accepts the well-known S3RVER credentials.
    config: { bucket, endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', prefix: 'remotes/', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
