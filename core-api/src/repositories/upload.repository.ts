// Uploaded files live in PostgreSQL (1 MiB chunks): any replica can run the job that reads them, a restarted
// process finds them again, and nothing depends on a shared disk. Writing and reading are streams, so memory
// holds one chunk whatever the file size.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Executor } from './executor.js';

export const CHUNK_BYTES = 1024 * 1024;

export interface StoredUpload {
  id: string;
  name: string;
  sizeBytes: number;
  sha256: string;
}

export class UploadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`upload larger than ${limitBytes} bytes`);
  }
}

export interface UploadStore {
  /**
   * Streams `content` into a new, not yet completed upload. Throws `UploadTooLargeError` past `maxBytes`
   * (what was written is removed). Complete it with `complete` inside the transaction that enqueues its job.
   */
  save(content: AsyncIterable<Buffer>, meta: { name: string; contentType: string | null; createdBy: string | null; maxBytes: number }): Promise<StoredUpload>;
  /** Marks an upload complete (in the caller's transaction, with the job that reads it). */
  complete(ex: Executor, upload: StoredUpload): Promise<void>;
  remove(id: string): Promise<void>;
  /** The content of a completed upload, chunk by chunk. */
  open(id: string): Promise<AsyncIterable<Buffer>>;
  /**
   * Removes uploads nobody needs: never completed (the request died mid-stream) after `incompleteAfterMs`, and
   * completed ones whose jobs have all ended, `finishedAfterMs` after the last of them ended.
   */
  purge(o: { incompleteAfterMs: number; finishedAfterMs: number }): Promise<{ incomplete: number; finished: number }>;
}

export function createUploadStore(pool: pg.Pool): UploadStore {
  const remove = async (id: string) => {
    await pool.query('DELETE FROM upload_files WHERE id = $1', [id]);
  };
  return {
    async save(content, meta) {
      const { rows } = await pool.query<{ id: string }>(
        'INSERT INTO upload_files (name, content_type, created_by) VALUES ($1, $2, $3) RETURNING id',
        [meta.name.slice(0, 255), meta.contentType, meta.createdBy],
      );
      const id = rows[0]!.id;
      const hash = createHash('sha256');
      let size = 0;
      let seq = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async () => {
        if (pendingBytes === 0) return;
        const chunk = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        await pool.query('INSERT INTO upload_chunks (file_id, seq, data) VALUES ($1, $2, $3)', [id, seq++, chunk]);
      };
      try {
        for await (const piece of content) {
          size += piece.length;
          if (size > meta.maxBytes) throw new UploadTooLargeError(meta.maxBytes);
          hash.update(piece);
          pending.push(piece);
          pendingBytes += piece.length;
          if (pendingBytes >= CHUNK_BYTES) await flush();
        }
        await flush();
      } catch (error) {
        await remove(id).catch(() => undefined);
        throw error;
      }
      return { id, name: meta.name, sizeBytes: size, sha256: hash.digest('hex') };
    },
    async complete(ex, upload) {
      await ex.execute(sql`UPDATE upload_files SET size_bytes = ${upload.sizeBytes}, sha256 = ${upload.sha256}, completed_at = now() WHERE id = ${upload.id}`);
    },
    remove,
    async purge({ incompleteAfterMs, finishedAfterMs }) {
      const incomplete = await pool.query(
        `DELETE FROM upload_files WHERE completed_at IS NULL AND created_at < now() - $1 * interval '1 millisecond'`,
        [incompleteAfterMs],
      );
      const finished = await pool.query(
        `DELETE FROM upload_files f
         WHERE f.completed_at IS NOT NULL AND f.completed_at < now() - $1 * interval '1 millisecond'
           AND NOT EXISTS (
             SELECT 1 FROM data_ingestion_jobs j
             WHERE j.payload->>'fileId' = f.id::text
               AND (j.state IN ('queued', 'running') OR j.finished_at >= now() - $1 * interval '1 millisecond'))`,
        [finishedAfterMs],
      );
      return { incomplete: incomplete.rowCount ?? 0, finished: finished.rowCount ?? 0 };
    },
    async open(id) {
      const { rows } = await pool.query<{ chunks: number }>(
        'SELECT (SELECT count(*) FROM upload_chunks c WHERE c.file_id = f.id)::int AS chunks FROM upload_files f WHERE f.id = $1 AND f.completed_at IS NOT NULL',
        [id],
      );
      if (!rows[0]) throw new Error(`upload ${id} does not exist or is incomplete`);
      const chunks = rows[0].chunks;
      return (async function* read() {
        for (let seq = 0; seq < chunks; seq++) {
          const r = await pool.query<{ data: Buffer }>('SELECT data FROM upload_chunks WHERE file_id = $1 AND seq = $2', [id, seq]);
          if (!r.rows[0]) throw new Error(`upload ${id}: chunk ${seq} is missing`);
          yield r.rows[0].data;
        }
      })();
    },
  };
}
