// The remote store: where published remote artifacts live, behind one small interface (local disk by default,
// S3-compatible in production; see s3-store.ts). Keys are `<remote>/<version>/<file path>`. Objects are never
// overwritten with other bytes (a version is immutable), so readers may cache them forever.
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface RemoteStore {
  /** `disk` or `s3`, for logs and the back office. */
  readonly kind: string;
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  /** Keys under a prefix (`mf_travel/0.2.0/`), sorted. */
  list(prefix: string): Promise<string[]>;
}

const SEGMENT = /^[A-Za-z0-9_.+-]+$/;

/** Throws on keys that could escape the store (`..`, empty or odd segments). */
export function assertStoreKey(key: string): string {
  const segments = key.split('/');
  if (segments.length < 1 || segments.some((s) => !SEGMENT.test(s) || s === '.' || s === '..')) throw new Error(`invalid store key: ${key.slice(0, 200)}`);
  return key;
}

/** Local disk under `dir` (default `.data/remotes`, git-ignored). Writes go through a temporary file and a rename. */
export function diskRemoteStore(dir: string): RemoteStore {
  const file = (key: string) => path.join(dir, ...assertStoreKey(key).split('/'));
  return {
    kind: 'disk',
    async put(key, body) {
      const target = file(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, body);
      await rename(temporary, target);
    },
    async get(key) {
      try {
        return await readFile(file(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return null;
        throw error;
      }
    },
    async list(prefix) {
      const base = path.join(dir, ...prefix.split('/').filter(Boolean).map((s) => assertStoreKey(s)));
      try {
        const entries = await readdir(base, { recursive: true, withFileTypes: true });
        return entries
          .filter((e) => e.isFile() && !e.name.endsWith('.tmp'))
          .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
          .sort();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    },
  };
}
