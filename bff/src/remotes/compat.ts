// Whether a remote built against one version of a shared package runs on the portal's: same major (for 0.x the
// minor acts as the major, as in semver caret ranges and the shared singletons' `requiredVersion: '^0.1.0'`).
const SEMVER = /^(\d+)\.(\d+)\.(\d+)/;

export function sameMajor(built: string, portal: string): boolean {
  const a = SEMVER.exec(built);
  const b = SEMVER.exec(portal);
  if (!a || !b) return false;
  if (a[1] !== b[1]) return false;
  return a[1] !== '0' || a[2] === b[2];
}

/** `0.1.x`, `2.x`: the range a portal version accepts, for messages. */
export function majorRange(portal: string): string {
  const m = SEMVER.exec(portal);
  if (!m) return portal;
  return m[1] === '0' ? `0.${m[2]}.x` : `${m[1]}.x`;
}
