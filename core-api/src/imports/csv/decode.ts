import { fileError } from '../file-error.js';
import { decodeWindows1252 } from './windows-1252.js';

/**
 * Text decoding of an uploaded CSV, decided once per file from a sniff of its first bytes:
 * - a UTF-8 byte-order mark → UTF-8 (the mark is dropped);
 * - a UTF-16/32 byte-order mark → refused (`unsupported_encoding`: save as UTF-8);
 * - a NUL byte in the sniff → refused as a binary file (spreadsheets, archives, images);
 * - the sniff is valid UTF-8 → UTF-8, decoded strictly: an invalid sequence later in the file refuses the
 *   file (`invalid_encoding`) rather than guessing twice;
 * - otherwise → latin-1, decoded as windows-1252 (its superset in the WHATWG Encoding Standard, which is
 *   what "latin-1" spreadsheets exports really are: 0x92 is ’).
 * Only the sniff is buffered (64 KiB by default); the rest streams chunk by chunk.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export const DEFAULT_SNIFF_BYTES = 64 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const startsWith = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

function sniffEncoding(head: Uint8Array): TextEncoding {
  if (startsWith(head, UTF8_BOM)) return 'utf-8-bom';
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]) || startsWith(head, [0, 0, 0xfe, 0xff])) {
    throw fileError('unsupported_encoding', 'The file is UTF-16 or UTF-32 encoded; save it as CSV UTF-8 (comma-separated)');
  }
  if (head.includes(0)) {
    throw fileError('binary_file', 'The file is not a text CSV file (it contains binary data); export it as CSV UTF-8 (comma-separated)');
  }
  try {
    // `stream: true` tolerates a multi-byte character cut at the end of the sniff.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

export interface DecodedText {
  encoding: TextEncoding;
  chunks: AsyncGenerator<string>;
  /** Bytes taken from the source so far (progress against the upload's size). */
  bytesRead: () => number;
}

const toBytes = (chunk: unknown): Uint8Array => {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return new TextEncoder().encode(chunk);
  throw new TypeError('CSV source chunks must be bytes');
};

/** Reads the sniff, decides the encoding, then yields decoded text. Throws `ImportFileError` on a refused file. */
export async function decodeCsvBytes(source: AsyncIterable<unknown>, sniffBytes = DEFAULT_SNIFF_BYTES): Promise<DecodedText> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < sniffBytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const bytes = toBytes(next.value);
    head.push(bytes);
    headLength += bytes.length;
  }
  const headBytes = Buffer.concat(head);
  const close = async () => {
    if (!done) await iterator.return?.(); // releases the upload stream or file handle early
  };
  let encoding: TextEncoding;
  try {
    encoding = sniffEncoding(headBytes);
  } catch (error) {
    await close();
    throw error;
  }
  const start = encoding === 'utf-8-bom' ? UTF8_BOM.length : 0;
  if (done && headBytes.subarray(start).every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    throw fileError('empty_file', 'The file is empty: expected a header line and at least one row');
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let offset = headBytes.length - start;
  let bytesRead = headBytes.length;

  async function* chunks(): AsyncGenerator<string> {
    const decode = (bytes: Uint8Array, stream: boolean) => {
      if (encoding === 'windows-1252') return decodeWindows1252(bytes);
      try {
        return utf8.decode(bytes, { stream });
      } catch {
        throw fileError('invalid_encoding', `The file is not valid UTF-8 (near byte ${offset}); save it again as CSV UTF-8`);
      }
    };
    try {
      yield decode(headBytes.subarray(start), !done);
      while (!done) {
        const next = await iterator.next();
        if (next.done) {
          done = true;
          yield decode(new Uint8Array(), false);
          break;
        }
        const bytes = toBytes(next.value);
        offset += bytes.length;
        bytesRead += bytes.length;
        yield decode(bytes, true);
      }
    } finally {
      await close();
    }
  }
  return { encoding, chunks: chunks(), bytesRead: () => bytesRead };
}
