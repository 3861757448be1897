import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/** The process logger: JSON lines on stdout. */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({ level, base: { service: 'core-api' } });
}
