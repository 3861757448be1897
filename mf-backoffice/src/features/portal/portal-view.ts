// Pure view-model of the portal page: which remote is shown, how each version reads, what may be done with it.
import type { RemoteAdminList, RemoteHealth, RemoteVersionInfo } from '@co2/contracts';
import type { UiTone } from '@co2/ui';

export type AdminRemote = RemoteAdminList['remotes'][number];

/** The remote named in the address, else the first one. */
export function selectedRemote(list: RemoteAdminList, name: string | null): AdminRemote | null {
  return list.remotes.find((r) => r.name === name) ?? list.remotes[0] ?? null;
}

/** `mf_travel` → `travel` (the area's name, as the navigation shows it). */
export const areaName = (remote: string) => remote.replace(/^mf_/, '');

export type VersionRole = 'active' | 'canary' | 'previous' | null;

export function versionRole(remote: AdminRemote, version: string): VersionRole {
  if (remote.activeVersion === version) return 'active';
  if (remote.canaryVersion === version) return 'canary';
  if (remote.previousVersion === version) return 'previous';
  return null;
}

export const HEALTH_TONES: Record<RemoteHealth, UiTone> = { ok: 'positive', failing: 'negative', unknown: 'neutral' };

/** What the buttons of a version row allow: promote anything not already active; canary a version other than the active one. */
export function versionActions(remote: AdminRemote, v: RemoteVersionInfo): { promote: boolean; canary: boolean } {
  const role = versionRole(remote, v.version);
  return { promote: role !== 'active', canary: role !== 'active' };
}

/** Canary percentages are whole numbers from 1 to 100. */
export function validPercent(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : null;
}
