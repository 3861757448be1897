import type { Locale } from './context.js';

/** Nested message texts, `{name}` placeholders allowed. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** Every text of a remote (or the shell) in every portal language. */
export type RemoteMessages = Record<Locale, MessageTree>;
