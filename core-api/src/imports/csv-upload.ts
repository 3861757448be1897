// What counts as a CSV upload: a `.csv` name (browsers send many content types for it, e.g. Excel's
// `application/vnd.ms-excel` on Windows), and a first chunk that is not a known binary container. Deeper checks
// (encoding, NUL bytes, delimiter, header) belong to the import itself, which reports them per file and line.
const CSV_NAME = /\.csv$/i;
const REFUSED_TYPES = /^(image|audio|video|font)\//i;

const MAGIC: [string, Buffer][] = [
  ['a ZIP archive (an Excel .xlsx or OpenDocument file?) — save it as CSV', Buffer.from('PK\u0003\u0004', 'latin1')],
  ['a PDF document', Buffer.from('%PDF-', 'latin1')],
  ['an old Excel/Office document (.xls) — save it as CSV', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
  ['a gzip archive', Buffer.from([0x1f, 0x8b])],
  ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
];

/** Why a file part is not a CSV upload, or null when it may be one. */
export function refuseByName(name: string, contentType: string | null): string | null {
  if (!CSV_NAME.test(name)) return `Only CSV files (.csv) can be imported; "${name || 'the file'}" is not one`;
  if (contentType && REFUSED_TYPES.test(contentType)) return `Only CSV files can be imported; the browser sent ${contentType}`;
  return null;
}

/** Checks the first bytes of the file for well-known binary formats. */
export function refuseByContent(head: Buffer): string | null {
  for (const [what, magic] of MAGIC) if (head.length >= magic.length && head.subarray(0, magic.length).equals(magic)) return `The file is ${what}, not a CSV file`;
  return null;
}
