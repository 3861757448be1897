import type { Plugin } from 'vite';
export declare const COMPRESSIBLE: RegExp;
export declare function compressedAssets(): Plugin;
