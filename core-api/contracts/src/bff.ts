import { z } from './zod.js';

/** `GET /bff/user` (served by the BFF, not core-api): who is signed in. 401 when signed out. */
export const BffUser = z.object({
  sub: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** Raw role strings from the `roles` claim, e.g. `user.principal@unit:LAB-CARBON`. */
  roles: z.array(z.string()),
  /** When the session ends at the latest if left idle (ISO 8601). */
  sessionExpiresAt: z.string(),
});
export type BffUser = z.infer<typeof BffUser>;

/** `POST /auth/logout` (served by the BFF) as JSON: where to go next, the identity provider's end-session page. */
export const LogoutResult = z.object({ endSessionUrl: z.string().min(1) });
export type LogoutResult = z.infer<typeof LogoutResult>;

/** `GET /portal/remotes.json`: the runtime registry of micro-frontends (served by the BFF from configuration). */
export const RemoteRegistry = z.object({
  remotes: z.array(
    z.object({
      /** Module Federation container name, e.g. `mf_travel`. */
      name: z.string().regex(/^[a-z][a-z0-9_]*$/),
      /** URL of the remote's `remoteEntry.js` (same-origin path or absolute URL). */
      entry: z.string().min(1),
      version: z.string(),
    }),
  ),
});
export type RemoteRegistry = z.infer<typeof RemoteRegistry>;

/** `GET /bff/sessions` (served by the BFF): the signed-in user's live sessions; `id` is a hash of the session id. */
export const BffSessionList = z.object({
  sessions: z.array(
    z.object({
      id: z.string(),
      current: z.boolean(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      expiresAt: z.string(),
      userAgent: z.string().nullable(),
      ip: z.string().nullable(),
    }),
  ),
});
export type BffSessionList = z.infer<typeof BffSessionList>;

/** `POST /bff/sessions/revoke-others` and `DELETE /bff/users/{sub}/sessions`: how many sessions were ended. */
export const BffSessionsEnded = z.object({ ended: z.number().int().nonnegative() });
export type BffSessionsEnded = z.infer<typeof BffSessionsEnded>;
