// Fixture web bundles: a shell with an index.html and hashed assets, and one remote. As the real builds do
// (shell/sdk/compression.mjs), most text files have a brotli (`.br`) and a gzip (`.gz`) copy beside them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export const SHELL_HTML = '<!doctype html><title>CO2 shell</title><div id="app"></div>';
export const HASHED_ASSET = 'assets/index-Ab3dE9_x.js';
export const HASHED_ASSET_BODY = `console.log(${JSON.stringify('shell '.repeat(200))});`;
export const HASHED_CSS = 'assets/index-Cc4dE9_y.css';
export const HASHED_CSS_BODY = `.shell-brand{font-weight:600}${'.q-btn{color:red}'.repeat(100)}`;
/** A hashed asset the build left without compressed copies (too small to gain from them). */
export const UNCOMPRESSED_ASSET = 'assets/tiny-Zz9yXw8v.js';
export const REMOTE_ENTRY_BODY = 'export const remote = "inventory";';

/** Writes a file and, unless `copies` is false, its `.br` and `.gz` copies. */
function writeWithCopies(file: string, body: string, copies = true): void {
  writeFileSync(file, body);
  if (!copies) return;
  writeFileSync(`${file}.br`, brotliCompressSync(body));
  writeFileSync(`${file}.gz`, gzipSync(body));
}

export function createWebDist(): { webDist: Record<string, string>; remove(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'bff-web-'));
  const shell = path.join(root, 'shell');
  const inventory = path.join(root, 'inventory');
  mkdirSync(path.join(shell, 'assets'), { recursive: true });
  mkdirSync(inventory, { recursive: true });
  writeWithCopies(path.join(shell, 'index.html'), SHELL_HTML);
  writeWithCopies(path.join(shell, HASHED_ASSET), HASHED_ASSET_BODY);
  writeWithCopies(path.join(shell, HASHED_CSS), HASHED_CSS_BODY);
  writeWithCopies(path.join(shell, UNCOMPRESSED_ASSET), 'console.log(1)', false);
  writeWithCopies(path.join(inventory, 'remoteEntry.js'), REMOTE_ENTRY_BODY);
  return { webDist: { '/': shell, '/remotes/inventory': inventory }, remove: () => rmSync(root, { recursive: true, force: true }) };
}
