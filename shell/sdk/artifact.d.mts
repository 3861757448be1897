import type { Plugin } from 'vite';

export interface ArtifactFile {
  path: string;
  bytes: Uint8Array;
}
export interface ArtifactManifest {
  format: number;
  name: string;
  version: string;
  package: string;
  builtAgainst: { '@co2/shell-sdk': string; '@co2/contracts': string };
  entry: string;
  mfManifest: string | null;
  builtAt: string;
  checksum: string;
  files: { path: string; size: number }[];
}
export declare const ARTIFACT_FILE: 'co2-artifact.json';
export declare const ENTRY_FILE: 'remoteEntry.js';
export declare const MF_MANIFEST_FILE: 'mf-manifest.json';
export declare const ARTIFACT_FORMAT: number;
export declare function artifactFiles(dir: string): ArtifactFile[];
export declare function artifactChecksum(files: readonly ArtifactFile[]): string;
export declare function installedVersion(name: string, fromDir: string): string;
export declare function artifactManifest(o: { dir: string; root: string; name: string; version?: string; builtAt?: Date }): ArtifactManifest;
export declare function readArtifact(dir: string): { manifest: ArtifactManifest; files: ArtifactFile[] };
export declare function remoteArtifact(name: string): Plugin;
