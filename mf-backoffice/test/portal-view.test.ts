import { describe, expect, it } from 'vitest';
import type { RemoteAdminList } from '@co2/contracts';
import { selectedRemote, validPercent, versionActions, versionRole } from '../src/features/portal/portal-view.js';

const version = (v: string) => ({
  version: v,
  entry: `/remotes/mf_travel/${v}/remoteEntry.js`,
  source: 'published' as const,
  checksum: null,
  sdkVersion: '0.1.0',
  contractsVersion: '0.1.0',
  publishedAt: '2026-12-07T10:00:00.000Z',
  publishedBy: 'token:ci',
  health: 'ok' as const,
  healthMessage: null,
  healthCheckedAt: null,
});
const travel = {
  name: 'mf_travel',
  activeVersion: '0.2.0',
  previousVersion: '0.1.0',
  canaryVersion: '0.3.0',
  canaryPercent: 50,
  updatedAt: '2026-12-07T10:00:00.000Z',
  updatedBy: 'admin',
  versions: [version('0.3.0'), version('0.2.0'), version('0.1.0'), version('0.0.9')],
  tokens: [],
  audit: [],
};
const list: RemoteAdminList = { store: 'disk', remotes: [{ ...travel, name: 'mf_inventory' }, travel] };

describe('portal page view model', () => {
  it('when the address names a remote, then it is shown; otherwise the first one', () => {
    expect(selectedRemote(list, 'mf_travel')?.name).toBe('mf_travel');
    expect(selectedRemote(list, 'mf_unknown')?.name).toBe('mf_inventory');
    expect(selectedRemote({ store: 'disk', remotes: [] }, null)).toBeNull();
  });

  it('when versions are listed, then each shows its role and only non-active ones can be promoted or canaried', () => {
    expect(travel.versions.map((v) => versionRole(travel, v.version))).toEqual(['canary', 'active', 'previous', null]);
    expect(versionActions(travel, version('0.2.0'))).toEqual({ promote: false, canary: false });
    expect(versionActions(travel, version('0.0.9'))).toEqual({ promote: true, canary: true });
  });

  it('when a canary share is typed, then only whole numbers from 1 to 100 are accepted', () => {
    expect(['10', 50, '100', ' 7 '].map(validPercent)).toEqual([10, 50, 100, 7]);
    expect(['0', '101', '2.5', '', 'abc', null].map(validPercent)).toEqual([null, null, null, null, null, null]);
  });
});
