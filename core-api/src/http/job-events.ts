// Server-Sent Events of one job. The job row is the source of truth (any replica may be running it). The stream
// reads it — a primary-key read of state and progress — when the database announces a change of the job
// (`JobChangeListener`, LISTEN job_changed), and also every `recheckIntervalMs` in case an announcement was lost.
// It sends the job only when it changed and the previous event is at least 250 ms old: at most 4 events a
// second. Comments keep idle proxies from closing the stream; it ends after the terminal state.
import type { Request, Response } from 'express';
import { isTerminalJobState, type Job, type JobState } from '@co2/contracts';

export interface JobFeed {
  pulse(id: string): Promise<{ state: JobState; progress: unknown; finishedAt: Date | null } | null>;
  reload(id: string): Promise<Job | null>;
  /** Calls back when the job may have changed; returns the unsubscribe. */
  subscribe(id: string, onChange: () => void): () => void;
}

export interface JobStreamOptions {
  /** Least time between two events (default 250 ms: at most 4 a second). */
  eventIntervalMs?: number;
  /** A comment line after this much silence (default 15 s). */
  pingIntervalMs?: number;
  /** A look at the row without an announcement (default 5 s). */
  recheckIntervalMs?: number;
}

export function streamJob(req: Request, res: Response, first: Job, feed: JobFeed, options: JobStreamOptions = {}): void {
  const interval = options.eventIntervalMs ?? 250;
  const pingEvery = options.pingIntervalMs ?? 15_000;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-store, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no', // nginx: do not buffer
  });
  res.flushHeaders();
  res.write('retry: 2000\n\n');
  let closed = false;
  let lastMarker = '';
  let lastWrite = Date.now();
  let lastEvent = 0;
  let lastPulse: string | null = null;
  const jobMarker = (job: Job) => JSON.stringify([job.state, job.progress, job.finishedAt]);
  const send = (job: Job) => {
    lastEvent = Date.now();
    lastMarker = jobMarker(job);
    res.write(`id: ${lastEvent}\nevent: job\ndata: ${JSON.stringify(job)}\n\n`);
    lastWrite = lastEvent;
  };

  /** Reads the row; sends the job when it changed. */
  const look = async () => {
    const pulse = await feed.pulse(first.id);
    if (!pulse) return finish();
    const marker = JSON.stringify([pulse.state, pulse.progress, pulse.finishedAt]);
    if (marker === lastPulse) return;
    lastPulse = marker;
    const job = await feed.reload(first.id);
    if (!job || closed) return finish();
    if (jobMarker(job) !== lastMarker) send(job);
    if (isTerminalJobState(job.state)) finish();
  };

  // One look at a time; a change announced meanwhile or too soon after the last event is looked at later.
  let busy = false;
  let pending = false;
  let delayed: NodeJS.Timeout | null = null;
  const wake = () => {
    if (closed) return;
    if (busy || delayed) return void (pending = true);
    const wait = lastEvent + interval - Date.now();
    if (wait > 0) {
      delayed = setTimeout(() => {
        delayed = null;
        wake();
      }, wait);
      return;
    }
    busy = true;
    pending = false;
    look()
      .catch((err: unknown) => {
        req.log?.warn({ err, jobId: first.id }, 'job event stream failed');
        finish();
      })
      .finally(() => {
        busy = false;
        if (pending) wake();
      });
  };

  const unsubscribe = feed.subscribe(first.id, wake);
  const recheck = setInterval(wake, options.recheckIntervalMs ?? 5_000);
  const ping = setInterval(() => {
    if (!closed && Date.now() - lastWrite >= pingEvery) {
      res.write(': ping\n\n');
      lastWrite = Date.now();
    }
  }, Math.max(10, Math.floor(pingEvery / 3)));
  function finish() {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearInterval(recheck);
    clearInterval(ping);
    if (delayed) clearTimeout(delayed);
    res.end();
  }
  req.on('close', finish);

  send(first);
  if (isTerminalJobState(first.state)) return finish();
  wake(); // the job may have moved between the first read and the subscription
}
