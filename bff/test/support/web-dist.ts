// Fixture web bundles: a shell with an index.html and a hashed asset, and one remote.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SHELL_HTML = '<!doctype html><title>CO2 shell</title><div id="app"></div>';
export const HASHED_ASSET = 'assets/index-Ab3dE9_x.js';

export function createWebDist(): { webDist: Record<string, string>; remove(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'bff-web-'));
  const shell = path.join(root, 'shell');
  const inventory = path.join(root, 'inventory');
  mkdirSync(path.join(shell, 'assets'), { recursive: true });
  mkdirSync(inventory, { recursive: true });
  writeFileSync(path.join(shell, 'index.html'), SHELL_HTML);
  writeFileSync(path.join(shell, HASHED_ASSET), 'console.log("shell")');
  writeFileSync(path.join(inventory, 'remoteEntry.js'), 'export const remote = "inventory";');
  return { webDist: { '/': shell, '/remotes/inventory': inventory }, remove: () => rmSync(root, { recursive: true, force: true }) };
}
