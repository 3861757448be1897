// Who gets a canary: a stable hash of (remote, user) picks one of 100 buckets, so a user stays on the same side
// across requests, instances and restarts, and a larger percentage only adds users.
import { createHash } from 'node:crypto';

export function canaryBucket(remote: string, subject: string): number {
  return createHash('sha256').update(`${remote}\0${subject}`).digest().readUInt32BE(0) % 100;
}

/** Signed-out visitors (no subject) always get the active version. */
export function inCanary(remote: string, subject: string | null, percent: number): boolean {
  return subject !== null && percent > 0 && canaryBucket(remote, subject) < percent;
}
