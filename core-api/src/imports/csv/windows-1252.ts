/**
 * Windows-1252 decoding (what "latin-1" exports from spreadsheets really are). Node's TextDecoder decodes
 * the label as plain ISO-8859-1 on some versions, so the 0x80–0x9F block is mapped here; every byte is one
 * character, so chunks decode independently.
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => HIGH[c.charCodeAt(0) - 0x80] ?? c);
}
