// Typed job registry: job type → payload schema → handler (declared beside the service it belongs to).
import type { ZodType } from 'zod';

/** A follow-up job a handler asks for; it is written only if the handler's job finishes successfully. */
export interface ChainedJob {
  type: string;
  payload: unknown;
  /** Default: the child definition's `dedupeKey(payload)`. A queued job with the same key absorbs the child. */
  dedupeKey?: string | null;
  /** Default: the child definition's `lockKey(payload)`. */
  lockKey?: string | null;
  maxAttempts?: number;
}

export interface JobContext {
  jobId: string;
  pipelineId: string | null;
  attempt: number;
  /** Aborted when the job is aborted or the lease is lost: stop work, write nothing more. */
  signal: AbortSignal;
  /** Progress for the live stream (rows processed / total, phase); throttled by the runner. */
  progress(update: Record<string, unknown>): void;
  /**
   * Buffers a child job of the same pipeline. The runner inserts the children in the transaction of the fenced
   * successful finish: nothing is chained when the handler throws, the job was aborted or its lease was lost.
   */
  chain(job: ChainedJob): void;
}

export interface JobDefinition<P = unknown> {
  type: string;
  payload: ZodType<P>;
  handler(payload: P, ctx: JobContext): Promise<unknown>;
  /**
   * Advisory-lock key: jobs with conflicting keys never run at the same time. Keys are hierarchical on `:`
   * (`year:2025:module:buildings`): a key conflicts with itself, its prefixes and its extensions (see runner).
   */
  lockKey?(payload: P): string | null;
  /** Queued jobs with the same key are merged into the first (e.g. one pending recalculation per scope). */
  dedupeKey?(payload: P): string | null;
  /** When a queued job absorbs a new one: the payload the queued job keeps (default: its own). */
  mergePayload?(queued: P, incoming: P): P;
}

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

/** A definition of any payload type (handlers are contravariant in P, so `unknown` would not accept them). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition = JobDefinition<any>;

export class JobRegistry {
  private readonly definitions = new Map<string, JobDefinition>();

  constructor(definitions: AnyJobDefinition[] = []) {
    for (const d of definitions) this.register(d);
  }

  register<P>(definition: JobDefinition<P>): this {
    if (this.definitions.has(definition.type)) throw new Error(`job type ${definition.type} is registered twice`);
    this.definitions.set(definition.type, definition as unknown as JobDefinition);
    return this;
  }

  /** The registered job types, in registration order. */
  types(): string[] {
    return [...this.definitions.keys()];
  }

  get(type: string): JobDefinition | undefined {
    return this.definitions.get(type);
  }
}
