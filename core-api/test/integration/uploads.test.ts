// The upload store on real PostgreSQL: streamed in chunks and read back byte for byte, the size limit, and the
// purge of uploads nobody needs any more.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../src/repositories/job.repository.js';
import { CHUNK_BYTES, createUploadStore, UploadTooLargeError, type UploadStore } from '../../src/repositories/upload.repository.js';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.js';

let db: MigratedDatabase;
let store: UploadStore;
beforeAll(async () => {
  db = await createMigratedDatabase('core_uploads');
  store = createUploadStore(db.pool);
});
afterAll(async () => db?.dispose());
beforeEach(async () => {
  await db.pool.query('TRUNCATE upload_files, data_ingestion_jobs CASCADE');
});

async function* pieces(buffer: Buffer, size = 64 * 1024) {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}
const meta = { name: 'x.csv', contentType: 'text/csv', createdBy: null, maxBytes: 10 * CHUNK_BYTES };
const readAll = async (id: string) => {
  const parts: Buffer[] = [];
  for await (const part of await store.open(id)) parts.push(part);
  return Buffer.concat(parts);
};
const count = async (table: string) => Number((await db.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
const age = (id: string, column: 'created_at' | 'completed_at', days: number) =>
  db.pool.query(`UPDATE upload_files SET ${column} = now() - $2 * interval '1 day' WHERE id = $1`, [id, days]);

describe('upload store', () => {
  it('streams a file into 1 MiB chunks and reads it back byte for byte once completed', async () => {
    const content = randomBytes(2 * CHUNK_BYTES + 12345);
    const upload = await store.save(pieces(content), meta);
    expect(upload.sizeBytes).toBe(content.length);
    await expect(store.open(upload.id)).rejects.toThrow(/incomplete/);
    await store.complete(db.db, upload);
    expect(await count('upload_chunks')).toBe(3);
    expect((await readAll(upload.id)).equals(content)).toBe(true);
  });

  it('refuses a file past the limit and keeps nothing of it', async () => {
    await expect(store.save(pieces(randomBytes(2 * CHUNK_BYTES)), { ...meta, maxBytes: CHUNK_BYTES })).rejects.toBeInstanceOf(UploadTooLargeError);
    expect(await count('upload_files')).toBe(0);
    expect(await count('upload_chunks')).toBe(0);
  });

  it('purges abandoned partial uploads after a day and finished ones after the retention, never one a job still needs', async () => {
    const save = async () => store.save(pieces(Buffer.from('a,b\n1,2\n')), meta);
    const abandoned = await save(); // never completed
    const fresh = await save(); // still streaming
    const old = await save(); // completed, its job ended long ago
    const queued = await save(); // completed long ago, its job is still queued
    for (const u of [old, queued]) await store.complete(db.db, u);
    await age(abandoned.id, 'created_at', 2);
    await age(old.id, 'completed_at', 40);
    await age(queued.id, 'completed_at', 40);
    const { id: oldJob } = await enqueueJob(db.db, { type: 'data-import', payload: { fileId: old.id } });
    await db.pool.query(`UPDATE data_ingestion_jobs SET state = 'succeeded', finished_at = now() - interval '35 days' WHERE id = $1`, [oldJob]);
    await enqueueJob(db.db, { type: 'data-import', payload: { fileId: queued.id } });

    const removed = await store.purge({ incompleteAfterMs: 24 * 3600_000, finishedAfterMs: 30 * 24 * 3600_000 });
    expect(removed).toEqual({ incomplete: 1, finished: 1 });
    const left = (await db.pool.query('SELECT id FROM upload_files ORDER BY created_at')).rows.map((r) => r.id);
    expect(left.sort()).toEqual([fresh.id, queued.id].sort());
  });
});
