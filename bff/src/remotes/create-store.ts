// The configured remote store.
import type { BffConfig } from '../config.js';
import { s3RemoteStore } from './s3-store.js';
import { diskRemoteStore, type RemoteStore } from './store.js';

export function createRemoteStore(config: BffConfig['remoteStore']): RemoteStore {
  return config.kind === 's3' ? s3RemoteStore(config.s3) : diskRemoteStore(config.dir);
}
