// Session lifetimes: idle timeout, absolute lifetime, and the at-most-once-a-minute "last seen" write.
export interface Lifetimes {
  idleTimeoutSeconds: number;
  absoluteLifetimeSeconds: number;
}

/** A session that has not signed in yet (only pending sign-ins) lives this long at most. */
export const PRE_LOGIN_LIFETIME_MS = 15 * 60 * 1000;
/** `last_seen_at` (and the idle deadline) is written at most this often. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

export interface SessionTimes {
  createdAt: number;
  lastSeenAt: number;
  signedIn: boolean;
}

export function idleDeadline(t: SessionTimes, l: Lifetimes): number {
  return t.lastSeenAt + (t.signedIn ? l.idleTimeoutSeconds * 1000 : PRE_LOGIN_LIFETIME_MS);
}

export function absoluteDeadline(t: SessionTimes, l: Lifetimes): number {
  return t.createdAt + (t.signedIn ? l.absoluteLifetimeSeconds * 1000 : PRE_LOGIN_LIFETIME_MS);
}

/** When the session ends if nothing else happens. */
export function expiresAt(t: SessionTimes, l: Lifetimes): number {
  return Math.min(idleDeadline(t, l), absoluteDeadline(t, l));
}

export function isExpired(t: SessionTimes, l: Lifetimes, now: number): boolean {
  return now >= expiresAt(t, l);
}

export function touchDue(t: SessionTimes, now: number): boolean {
  return now - t.lastSeenAt >= TOUCH_INTERVAL_MS;
}
