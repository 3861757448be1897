// Types of postgres.mjs (plain ESM so the supervisor runs without a TypeScript loader).
export interface EmbeddedPostgres {
  url(database?: string): string;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}

export function stopOrphan(dataDir: string, log?: (line: string) => void): Promise<boolean>;

export function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  database?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedPostgres>;
