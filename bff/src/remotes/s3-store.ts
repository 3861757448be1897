// The remote store on an S3-compatible object store (AWS S3, MinIO; tested against a real s3rver).
import { GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { assertStoreKey, type RemoteStore } from './store.js';

export interface S3StoreConfig {
  bucket: string;
  /** e.g. `http://minio:9000`; unset for AWS. */
  endpoint?: string;
  region: string;
  /** Key prefix inside the bucket, e.g. `remotes/`. */
  prefix: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style addressing (MinIO, s3rver). */
  forcePathStyle: boolean;
}

export function s3RemoteStore(config: S3StoreConfig, client?: S3Client): RemoteStore {
  const s3 =
    client ??
    new S3Client({
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.accessKeyId && config.secretAccessKey ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } } : {}),
    });
  const objectKey = (key: string) => `${config.prefix}${assertStoreKey(key)}`;
  return {
    kind: 's3',
    async put(key, body, contentType) {
      await s3.send(new PutObjectCommand({ Bucket: config.bucket, Key: objectKey(key), Body: body, ContentType: contentType }));
    },
    async get(key) {
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
        return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
        throw error;
      }
    },
    async list(prefix) {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const out = await s3.send(new ListObjectsV2Command({ Bucket: config.bucket, Prefix: `${config.prefix}${prefix}`, ...(token ? { ContinuationToken: token } : {}) }));
        for (const item of out.Contents ?? []) if (item.Key) keys.push(item.Key.slice(config.prefix.length));
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token);
      return keys.sort();
    },
  };
}
