// Typed job registry: job type → payload schema → handler (declared beside the service it belongs to).
import type { ZodType } from 'zod';

export interface JobContext {
  jobId: string;
  pipelineId: string | null;
  attempt: number;
  /** Aborted when the job is aborted or the lease is lost: stop work, write nothing more. */
  signal: AbortSignal;
  /** Progress for the live stream (rows processed / total, phase); throttled by the runner. */
  progress(update: Record<string, unknown>): void;
}

export interface JobDefinition<P = unknown> {
  type: string;
  payload: ZodType<P>;
  handler(payload: P, ctx: JobContext): Promise<unknown>;
  /** Advisory-lock key: jobs with the same key never run at the same time (e.g. same module and year). */
  lockKey?(payload: P): string | null;
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

  get(type: string): JobDefinition | undefined {
    return this.definitions.get(type);
  }
}
