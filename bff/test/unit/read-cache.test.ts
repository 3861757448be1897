// The session read cache: time to live, bounded size, invalidation (also of reads that were in flight).
import { describe, expect, it } from 'vitest';
import { sessionReadCache } from '../../src/session/read-cache.js';

const clock = () => {
  let t = 0;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
};

describe('session read cache', () => {
  it('when an entry is younger than the TTL, then it is served; at the TTL, then it is gone', () => {
    const c = clock();
    const cache = sessionReadCache({ ttlMs: 1000, now: c.now });
    cache.put('a', '{"x":1}', cache.begin());
    c.advance(999);
    expect(cache.get('a')).toBe('{"x":1}');
    c.advance(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('when forgotten, then the entry is gone at once', () => {
    const cache = sessionReadCache({ ttlMs: 1000 });
    cache.put('a', '1', cache.begin());
    cache.put('b', '2', cache.begin());
    cache.forget('a');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('2');
    cache.clear();
    expect(cache.get('b')).toBeUndefined();
  });

  it('when a write happened while a read was in flight, then that read is not cached', () => {
    const cache = sessionReadCache({ ttlMs: 1000 });
    const token = cache.begin(); // the read starts
    cache.forget('a'); // a sign-out deletes the row meanwhile
    cache.put('a', 'stale', token); // the read returns the old row
    expect(cache.get('a')).toBeUndefined();
    cache.put('a', 'fresh', cache.begin());
    expect(cache.get('a')).toBe('fresh');
  });

  it('when full, then the oldest entry is evicted', () => {
    const cache = sessionReadCache({ ttlMs: 1000, maxEntries: 2 });
    cache.put('a', '1', cache.begin());
    cache.put('b', '2', cache.begin());
    cache.put('c', '3', cache.begin());
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect([cache.get('b'), cache.get('c')]).toEqual(['2', '3']);
  });

  it('when the TTL is 0, then nothing is cached', () => {
    const cache = sessionReadCache({ ttlMs: 0 });
    cache.put('a', '1', cache.begin());
    expect(cache.get('a')).toBeUndefined();
  });
});
