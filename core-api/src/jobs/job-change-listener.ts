// One LISTEN connection per process for the `job_changed` channel (migration 0008: a trigger announces every
// change of a job's state, progress or end, whichever replica made it). Event streams subscribe by job id.
// The connection is opened by the first subscriber and closed with the last; when it breaks, every subscriber
// is told to look again (a change may have been missed) and it reconnects while someone listens.
import pg from 'pg';
import type { Logger } from 'pino';

export const JOB_CHANGED_CHANNEL = 'job_changed';

type Callback = () => void;

export class JobChangeListener {
  private readonly subscribers = new Map<string, Set<Callback>>();
  private client: pg.Client | null = null;
  private reconnect: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly logger?: Pick<Logger, 'warn'>,
    private readonly reconnectMs = 1_000,
  ) {}

  /** Calls `onChange` after each announced change of job `id` (and after a reconnection); returns the unsubscribe. */
  subscribe(id: string, onChange: Callback): () => void {
    const set = this.subscribers.get(id) ?? new Set<Callback>();
    set.add(onChange);
    this.subscribers.set(id, set);
    if (!this.client && !this.reconnect) this.connect();
    return () => {
      set.delete(onChange);
      if (set.size === 0) this.subscribers.delete(id);
      if (this.subscribers.size === 0) this.close();
    };
  }

  /** Whether the LISTEN connection is up (for tests and diagnostics). */
  get listening(): boolean {
    return this.client !== null;
  }

  private connect(): void {
    const client = new pg.Client(this.config);
    this.client = client;
    client.on('notification', (n) => {
      if (n.channel === JOB_CHANGED_CHANNEL && n.payload) this.subscribers.get(n.payload)?.forEach((cb) => cb());
    });
    client.on('error', (err) => this.broken(client, err));
    client.on('end', () => this.broken(client));
    client
      .connect()
      .then(() => client.query(`LISTEN ${JOB_CHANGED_CHANNEL}`))
      // Changes made while (re)connecting were not heard: everyone looks once.
      .then(() => this.everyone())
      .catch((err: Error) => this.broken(client, err));
  }

  private broken(client: pg.Client, err?: Error): void {
    if (this.client !== client) return; // an old connection closing
    this.client = null;
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    if (err) this.logger?.warn({ err }, 'job change listener lost its connection');
    this.everyone();
    if (this.subscribers.size > 0 && !this.reconnect) {
      this.reconnect = setTimeout(() => {
        this.reconnect = null;
        if (this.subscribers.size > 0 && !this.client) this.connect();
      }, this.reconnectMs);
    }
  }

  private everyone(): void {
    for (const set of this.subscribers.values()) set.forEach((cb) => cb());
  }

  private close(): void {
    if (this.reconnect) clearTimeout(this.reconnect);
    this.reconnect = null;
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('notification');
      client.on('error', () => undefined); // closing: nothing to report
      client.end().catch(() => undefined);
    }
  }
}
