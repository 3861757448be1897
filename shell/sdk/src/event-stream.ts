import type { z } from '@co2/contracts/zod';
import { joinUrl } from './api-client.js';
import { ApiError, CLIENT_ERROR_CODES } from './api-error.js';

/** The part of `EventSource` this uses (a test double implements just this). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}

export interface FollowEventsOptions<T> {
  /** Name of the SSE event to read (`event: job`). */
  event: string;
  /** Every event's data is JSON parsed with this contract schema; a mismatch is reported, not thrown. */
  schema: z.ZodType<T>;
  onData: (value: T) => void;
  /** Closes the stream after this value (e.g. a terminal job state), so EventSource does not reconnect. */
  isLast?: (value: T) => boolean;
  /** The stream broke for good (closed by the browser) or sent data that does not match the contract. */
  onError?: (error: ApiError) => void;
  /** Injected in tests; defaults to the global `EventSource`. */
  createSource?: (url: string) => EventSourceLike;
}

/** Handle of a followed stream. */
export interface EventFollow {
  close(): void;
}

/**
 * Follows a Server-Sent Events endpoint of the API (`GET`, same-origin cookies, no CSRF header needed).
 * EventSource reconnects by itself after transient drops; this closes it once `isLast` says the story ended.
 */
export function followEvents<T>(baseUrl: string, path: string, options: FollowEventsOptions<T>): EventFollow {
  const url = joinUrl(baseUrl.replace(/\/+$/, ''), path);
  const source = options.createSource?.(url) ?? new EventSource(url, { withCredentials: true });
  let closed = false;
  const close = () => {
    closed = true;
    source.close();
  };
  source.addEventListener(options.event, (message) => {
    if (closed) return;
    const parsed = options.schema.safeParse(parseJson((message as MessageEvent<string>).data));
    if (!parsed.success) {
      options.onError?.(
        new ApiError({
          status: 200,
          code: CLIENT_ERROR_CODES.invalidResponse,
          message: `Event "${options.event}" of ${url} does not match its contract`,
          details: parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })),
        }),
      );
      return;
    }
    options.onData(parsed.data);
    if (options.isLast?.(parsed.data)) close();
  });
  source.addEventListener('error', () => {
    // readyState CLOSED (2): the browser gave up (HTTP error, wrong content type); otherwise it is reconnecting.
    if (closed || source.readyState !== 2) return;
    closed = true;
    options.onError?.(new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, message: `Event stream ${url} was closed` }));
  });
  return { close };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
