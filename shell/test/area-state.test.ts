import { describe, expect, it, vi } from 'vitest';
import { areaStateFromAppStatus, assertLifecycle, withTimeout } from '../src/portal/area-state.js';

describe('areaStateFromAppStatus', () => {
  it.each([
    [null, { status: 'unavailable', reason: 'not-registered' }],
    ['LOAD_ERROR', { status: 'unavailable', reason: 'load-error' }],
    ['SKIP_BECAUSE_BROKEN', { status: 'unavailable', reason: 'broken' }],
    ['MOUNTED', { status: 'mounted' }],
    ['LOADING_SOURCE_CODE', { status: 'loading' }],
    ['MOUNTING', { status: 'loading' }],
    ['NOT_MOUNTED', { status: 'idle' }],
    ['NOT_LOADED', { status: 'idle' }],
  ])('single-spa %s → %j', (status, expected) => {
    expect(areaStateFromAppStatus(status)).toEqual(expected);
  });
});

describe('assertLifecycle', () => {
  const fn = async () => undefined;
  it('accepts a module with bootstrap, mount and unmount', () => {
    const lifecycle = { bootstrap: fn, mount: fn, unmount: fn };
    expect(assertLifecycle('mf_x', lifecycle)).toBe(lifecycle);
  });
  it('names what is missing otherwise', () => {
    expect(() => assertLifecycle('mf_x', { bootstrap: fn, mount: fn })).toThrow('mf_x/lifecycle does not export unmount()');
    expect(() => assertLifecycle('mf_x', undefined)).toThrow('bootstrap');
  });
});

describe('withTimeout', () => {
  it('passes a value or an error through, and rejects when nothing settles in time', async () => {
    await expect(withTimeout(Promise.resolve(1), 50, 'x')).resolves.toBe(1);
    await expect(withTimeout(Promise.reject(new Error('boom')), 50, 'x')).rejects.toThrow('boom');
    vi.useFakeTimers();
    try {
      const pending = withTimeout(new Promise(() => {}), 1000, 'Loading mf_x');
      vi.advanceTimersByTime(1000);
      await expect(pending).rejects.toThrow('Loading mf_x timed out after 1000 ms');
    } finally {
      vi.useRealTimers();
    }
  });
});
