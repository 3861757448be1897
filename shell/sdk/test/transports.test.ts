import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from '@co2/contracts/zod';
import { ApiError, followEvents, postForm, UPLOAD_ABORTED } from '../src/index.js';
import { FakeEventSource, FakeXhr } from '../src/testing.js';

const Ok = z.object({ id: z.string() });
const createRequest = () => new FakeXhr() as unknown as XMLHttpRequest;

afterEach(() => {
  FakeXhr.reset();
  FakeEventSource.reset();
});

describe('postForm', () => {
  it('when the upload runs, then it posts the form with X-CSRF and credentials, reports progress and parses the answer', async () => {
    const form = new FormData();
    form.set('kind', 'data');
    const seen: unknown[] = [];
    const done = postForm('/api/', '/v1/imports', Ok, form, { createRequest, onProgress: (p) => seen.push(p) });
    const xhr = FakeXhr.last();
    expect(xhr).toMatchObject({ method: 'POST', url: '/api/v1/imports', withCredentials: true, body: form });
    expect(xhr.headers).toMatchObject({ 'X-CSRF': '1', Accept: 'application/json' });
    xhr.progress(50, 200);
    xhr.progress(200, null);
    xhr.respond(202, { id: 'j1' });
    await expect(done).resolves.toEqual({ id: 'j1' });
    expect(seen).toEqual([{ loaded: 50, total: 200 }, { loaded: 200, total: null }]);
  });

  it('when the server refuses, then it rejects with its error code, message and details', async () => {
    const done = postForm('/api', 'v1/imports', Ok, new FormData(), { createRequest });
    FakeXhr.last().respond(422, { error: { code: 'validation_failed', message: 'bad', details: [{ path: 'year', message: 'is required' }] } });
    const error = (await done.catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'validation_failed', details: [{ path: 'year', message: 'is required' }] });
  });

  it('when the answer breaks its contract, has no error body or the network fails, then typed client errors', async () => {
    const bad = postForm('/api', 'v1/x', Ok, new FormData(), { createRequest });
    FakeXhr.last().respond(202, { id: 3 });
    await expect(bad).rejects.toMatchObject({ code: 'invalid_response', details: [{ path: 'id' }] });
    const html = postForm('/api', 'v1/x', Ok, new FormData(), { createRequest });
    FakeXhr.last().status = 502;
    FakeXhr.last().responseText = '<html>';
    FakeXhr.last().dispatch('load', new Event('load'));
    await expect(html).rejects.toMatchObject({ status: 502, code: 'unexpected_response' });
    const offline = postForm('/api', 'v1/x', Ok, new FormData(), { createRequest });
    FakeXhr.last().networkError();
    await expect(offline).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('when the signal aborts, then the request is aborted and the promise rejects with upload_aborted', async () => {
    const controller = new AbortController();
    const done = postForm('/api', 'v1/x', Ok, new FormData(), { createRequest, signal: controller.signal });
    controller.abort();
    await expect(done).rejects.toMatchObject({ code: UPLOAD_ABORTED });
    expect(FakeXhr.last().aborted).toBe(true);
  });

  it('refuses absolute URLs like the API client', () => {
    expect(() => postForm('/api', 'https://evil.example/x', Ok, new FormData(), { createRequest })).toThrow(TypeError);
  });
});

describe('followEvents', () => {
  const Job = z.object({ state: z.string() });
  const createSource = (url: string) => new FakeEventSource(url);

  it('when events arrive, then each parsed value is delivered, and the stream closes after the last one', () => {
    const onData = vi.fn();
    followEvents('/api', '/v1/jobs/1/events', { event: 'job', schema: Job, onData, isLast: (j) => j.state === 'succeeded', createSource });
    const source = FakeEventSource.last();
    expect(source.url).toBe('/api/v1/jobs/1/events');
    source.emit('job', { state: 'running' });
    source.emit('other', { state: 'ignored' });
    source.emit('job', { state: 'succeeded' });
    expect(source.readyState).toBe(2);
    source.emit('job', { state: 'late' });
    expect(onData.mock.calls.map(([j]) => (j as { state: string }).state)).toEqual(['running', 'succeeded']);
  });

  it('when an event breaks the contract or the browser closes the stream, then onError gets a typed error', () => {
    const onError = vi.fn();
    followEvents('/api', 'v1/jobs/1/events', { event: 'job', schema: Job, onData: () => {}, onError, createSource });
    const source = FakeEventSource.last();
    source.emit('job', 'not json');
    source.dispatch('error', new Event('error')); // still connecting: EventSource retries by itself
    source.fail();
    expect(onError.mock.calls.map(([e]) => (e as ApiError).code)).toEqual(['invalid_response', 'network_error']);
  });

  it('close() stops delivery', () => {
    const onData = vi.fn();
    const follow = followEvents('/api', 'v1/e', { event: 'job', schema: Job, onData, createSource });
    follow.close();
    FakeEventSource.last().emit('job', { state: 'running' });
    expect(onData).not.toHaveBeenCalled();
  });
});
