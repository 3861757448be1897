// Precompressed copies of every web build's text files: `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip,
// level 9) beside each original, written once at build time. The BFF (bff/src/http/static.ts) and the web
// image (nginx `gzip_static`) send them with `Content-Encoding`; nothing is compressed per request. Plain ESM
// so the vite configs of the shell and of every remote import the same setup under Node.
import { constants } from 'node:zlib';
import { compression } from 'vite-plugin-compression2';

/** Text assets worth compressing (fonts and images are compressed formats already). */
export const COMPRESSIBLE = /\.(?:html|js|mjs|css|json|svg|txt)$/;

/** The vite plugin every web build adds (a copy larger than its original is skipped). */
export function compressedAssets() {
  return compression({
    include: COMPRESSIBLE,
    algorithms: [
      ['brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }],
      ['gzip', { level: constants.Z_BEST_COMPRESSION }],
    ],
    skipIfLargerOrEqual: true,
  });
}
