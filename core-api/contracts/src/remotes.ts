// Independent delivery of remotes (served by the BFF; docs/adr/0008-independent-delivery.md): the artifact a
// build stamps, the publish request, and the back office's view and actions on the registry.
import { z } from './zod.js';

export const RemoteName = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, { message: 'a Module Federation name like mf_travel' });
export const RemoteVersion = z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]{1,40})?$/, { message: 'a version like 1.2.3 or 1.2.3-rc.1' });

/** `co2-artifact.json`, written by every remote build beside remoteEntry.js (shell/sdk/artifact.mjs). */
export const RemoteArtifact = z.object({
  format: z.literal(1),
  name: RemoteName,
  version: RemoteVersion,
  package: z.string(),
  builtAgainst: z.object({ '@co2/shell-sdk': z.string().min(1), '@co2/contracts': z.string().min(1) }),
  entry: z.literal('remoteEntry.js'),
  mfManifest: z.string().nullable(),
  builtAt: z.string(),
  checksum: z.string().regex(/^sha256-[0-9a-f]{64}$/),
  files: z.array(z.object({ path: z.string().min(1), size: z.number().int().min(0) })).min(1),
});
export type RemoteArtifact = z.infer<typeof RemoteArtifact>;

/** `POST /portal/publish/{remote}` (Bearer publish token): the artifact and its files, base64. */
export const PublishRequest = z.object({
  artifact: RemoteArtifact,
  files: z.array(z.object({ path: z.string().min(1).max(300), base64: z.string() })).min(1).max(2000),
});
export type PublishRequest = z.infer<typeof PublishRequest>;

export const PublishResult = z.object({ remote: RemoteName, version: RemoteVersion, entry: z.string(), files: z.number().int(), alreadyPublished: z.boolean() });
export type PublishResult = z.infer<typeof PublishResult>;

export const RemoteHealth = z.enum(['unknown', 'ok', 'failing']);
export type RemoteHealth = z.infer<typeof RemoteHealth>;

/** One version of a remote as the back office lists it. */
export const RemoteVersionInfo = z.object({
  version: z.string(),
  entry: z.string(),
  source: z.enum(['seed', 'published']),
  checksum: z.string().nullable(),
  sdkVersion: z.string().nullable(),
  contractsVersion: z.string().nullable(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  health: RemoteHealth,
  healthMessage: z.string().nullable(),
  healthCheckedAt: z.string().nullable(),
});
export type RemoteVersionInfo = z.infer<typeof RemoteVersionInfo>;

export const PublishTokenInfo = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type PublishTokenInfo = z.infer<typeof PublishTokenInfo>;

export const RemoteAuditEntry = z.object({ at: z.string(), actor: z.string(), action: z.string(), version: z.string().nullable() });
export type RemoteAuditEntry = z.infer<typeof RemoteAuditEntry>;

/** `GET /bff/admin/remotes` (backoffice.admin@global). */
export const RemoteAdminList = z.object({
  store: z.string(),
  remotes: z.array(
    z.object({
      name: RemoteName,
      activeVersion: z.string().nullable(),
      previousVersion: z.string().nullable(),
      canaryVersion: z.string().nullable(),
      canaryPercent: z.number().int().min(0).max(100),
      updatedAt: z.string(),
      updatedBy: z.string().nullable(),
      versions: z.array(RemoteVersionInfo),
      tokens: z.array(PublishTokenInfo),
      audit: z.array(RemoteAuditEntry),
    }),
  ),
});
export type RemoteAdminList = z.infer<typeof RemoteAdminList>;

/** `POST /bff/admin/remotes/{remote}/promote`: every user gets this version (the canary ends). */
export const PromoteRemoteBody = z.object({ version: RemoteVersion });
export type PromoteRemoteBody = z.infer<typeof PromoteRemoteBody>;

/** `POST /bff/admin/remotes/{remote}/canary`: this version for `percent` % of signed-in users (0 ends the canary). */
export const CanaryRemoteBody = z.object({ version: RemoteVersion, percent: z.number().int().min(0).max(100) });
export type CanaryRemoteBody = z.infer<typeof CanaryRemoteBody>;

/** `POST /bff/admin/remotes/{remote}/tokens`. */
export const CreatePublishTokenBody = z.object({ label: z.string().trim().min(1).max(100) });
export type CreatePublishTokenBody = z.infer<typeof CreatePublishTokenBody>;

/** The secret is shown once; only its hash is stored. */
export const CreatedPublishToken = z.object({ token: PublishTokenInfo, secret: z.string() });
export type CreatedPublishToken = z.infer<typeof CreatedPublishToken>;

/** `POST /portal/remote-failures` (signed-in browsers): a remote version's entry failed to load. */
export const RemoteFailureReport = z.object({ name: RemoteName, version: z.string().min(1).max(64), message: z.string().max(500) });
export type RemoteFailureReport = z.infer<typeof RemoteFailureReport>;
