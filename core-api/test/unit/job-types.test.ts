import { describe, expect, it } from 'vitest';
import { createJobRegistry, JOB_PAYLOADS, JOB_TYPES } from '../../src/jobs/index.js';
import type { Database } from '../../src/db/client.js';
import type pg from 'pg';

describe('job types', () => {
  it('lists exactly the registered job types, each with its payload schema', () => {
    // Definitions only capture their dependencies; nothing touches the database here.
    const registry = createJobRegistry({ db: {} as Database, pool: {} as pg.Pool });
    expect([...registry.types()].sort()).toEqual([...JOB_TYPES].sort());
    for (const type of JOB_TYPES) expect(registry.get(type)!.payload).toBe(JOB_PAYLOADS[type]);
  });
});
