// Server-Sent Events of one job. The job row is the source of truth (any replica may be running it), so the
// stream polls it — a primary-key read of state and progress — every 125 ms and sends the job only when it
// changed and the previous event is at least 250 ms old: at most 4 events a second. Comments keep idle proxies from closing the stream; it ends after the
// terminal state.
import type { Request, Response } from 'express';
import { isTerminalJobState, type Job, type JobState } from '@co2/contracts';

export interface JobFeed {
  pulse(id: string): Promise<{ state: JobState; progress: unknown; finishedAt: Date | null } | null>;
  reload(id: string): Promise<Job | null>;
}

export function streamJob(req: Request, res: Response, first: Job, feed: JobFeed, options: { eventIntervalMs?: number; pingIntervalMs?: number } = {}): void {
  const interval = options.eventIntervalMs ?? 250;
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
  const send = (job: Job) => {
    lastEvent = Date.now();
    res.write(`id: ${lastEvent}\nevent: job\ndata: ${JSON.stringify(job)}\n\n`);
    lastWrite = lastEvent;
  };
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(timer);
    res.end();
  };
  req.on('close', finish);

  const jobMarker = (job: Job) => JSON.stringify([job.state, job.progress, job.finishedAt]);
  let lastPulse: string | null = null;

  let busy = false;
  const timer = setInterval(() => {
    if (busy || closed || Date.now() - lastEvent < interval) return;
    busy = true;
    void (async () => {
      const pulse = await feed.pulse(first.id);
      if (!pulse) return finish();
      const marker = JSON.stringify([pulse.state, pulse.progress, pulse.finishedAt]);
      if (marker !== lastPulse) {
        lastPulse = marker;
        const job = await feed.reload(first.id);
        if (!job || closed) return finish();
        if (jobMarker(job) !== lastMarker) {
          lastMarker = jobMarker(job);
          send(job);
        }
        if (isTerminalJobState(job.state)) return finish();
      } else if (Date.now() - lastWrite >= (options.pingIntervalMs ?? 15_000)) {
        res.write(': ping\n\n');
        lastWrite = Date.now();
      }
    })()
      .catch((err: unknown) => {
        req.log?.warn({ err, jobId: first.id }, 'job event stream failed');
        finish();
      })
      .finally(() => {
        busy = false;
      });
  }, Math.max(10, Math.floor(interval / 2)));
  send(first);
  lastMarker = jobMarker(first);
  if (isTerminalJobState(first.state)) return finish();
}
