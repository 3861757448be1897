import { describe, expect, it } from 'vitest';
import { ImportFileError, readCsv, type CsvRecord } from '../../../src/imports/index.js';
import { chunked, csv } from './support.js';

async function records(input: string | Uint8Array, options = {}) {
  const file = await readCsv(chunked(input), options);
  const rows: CsvRecord[] = [];
  for await (const r of file.records) rows.push(r);
  return { ...file, rows };
}

async function refusal(input: string | Uint8Array, options = {}): Promise<ImportFileError> {
  const error = await records(input, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

describe('CSV reader', () => {
  it('when columns come in any order with extra ones, then cells are keyed by lower-cased trimmed header names', async () => {
    const { columns, rows } = await records(csv(' FTE ,name,extra', '0.5,Ada,x'));
    expect(columns).toEqual(['fte', 'name', 'extra']);
    expect(rows).toEqual([{ line: 2, cells: { fte: '0.5', name: 'Ada', extra: 'x' }, extraValues: 0 }]);
  });

  it('when a quoted field holds newlines (LF or CRLF), then each record keeps its physical first line', async () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['a,b', '1,"multi', 'line', 'note"', '', '2,plain', ',,', '3,"x""y"'].join(eol);
      const { rows } = await records(text);
      expect(rows.map((r) => [r.line, r.cells.b])).toEqual([
        [2, `multi${eol}line${eol}note`],
        [6, 'plain'],
        [8, 'x"y'],
      ]);
    }
  });

  it('when the file starts with a UTF-8 BOM, then the BOM is not part of the first column', async () => {
    const { encoding, columns, rows } = await records(`\uFEFF${csv('name,fte', 'Cécile,1')}`);
    expect(encoding).toBe('utf-8-bom');
    expect(columns[0]).toBe('name');
    expect(rows[0]?.cells.name).toBe('Cécile');
  });

  it('when the bytes are not UTF-8, then the file is read as latin-1 (windows-1252)', async () => {
    const bytes = Buffer.from('name,note\nC\xe9cile,l\x92ami\n', 'latin1');
    const { encoding, rows } = await records(bytes);
    expect(encoding).toBe('windows-1252');
    expect(rows[0]?.cells).toEqual({ name: 'Cécile', note: 'l’ami' });
  });

  it('when a multi-byte UTF-8 character is cut between chunks, then it is decoded whole', async () => {
    const file = await readCsv(chunked(csv('name', 'Zoë Ångström'), 1));
    for await (const r of file.records) expect(r.cells.name).toBe('Zoë Ångström');
  });

  it('when the sniff is UTF-8 but later bytes are not, then the file is refused as invalid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from(`name\n${'é\n'.repeat(100)}`), Buffer.from([0xe9, 0x0a])]);
    const error = await refusal(bytes, { sniffBytes: 16 });
    expect(error.code).toBe('invalid_encoding');
    expect(error.message).toMatch(/not valid UTF-8/);
  });

  it.each([
    ['empty', '', 'empty_file'],
    ['only blank lines', '\n\r\n  \n', 'empty_file'],
    ['only a BOM', '\uFEFF', 'empty_file'],
    ['header only', 'name,fte\n', 'header_only'],
    ['header and blank rows', 'name,fte\n\n,\n', 'header_only'],
  ])('when the file is %s, then it is refused (%s)', async (_name, input, code) => {
    expect((await refusal(input)).code).toBe(code);
  });

  it('when the file is separated by semicolons, then the error says to use commas', async () => {
    const error = await refusal(csv('name;fte', 'Ada;1'));
    expect(error.code).toBe('wrong_delimiter');
    expect(error.message).toMatch(/semicolons.*commas/);
  });

  it('when the file holds NUL bytes or a UTF-16 mark, then it is refused as not a text CSV', async () => {
    expect((await refusal(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]))).code).toBe('binary_file');
    expect((await refusal(Buffer.from('\uFEFFname\n', 'utf16le'))).code).toBe('unsupported_encoding');
  });

  it('when one line is 1 MB long, then it is refused with its line number before it is buffered whole', async () => {
    const error = await refusal(`name,note\nAda,${'x'.repeat(1024 * 1024)}\n`);
    expect(error.code).toBe('line_too_long');
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/Line 2 is longer than 65536 characters/);
  });

  it('when a line never ends, then reading stops at the limit instead of consuming the whole upload', async () => {
    let yielded = 0;
    async function* endless() {
      yield Buffer.from('name,note\nAda,');
      for (let i = 0; i < 64; i += 1) {
        yielded += 16 * 1024;
        yield Buffer.alloc(16 * 1024, 0x78);
      }
    }
    const firstRecord = async () => (await readCsv(endless())).records.next();
    await expect(firstRecord()).rejects.toMatchObject({ code: 'line_too_long', line: 2 });
    expect(yielded).toBeLessThan(200 * 1024);
  });

  it.each([
    ['binary', Buffer.from([0x00, 0x01, 0x02])],
    ['semicolons', Buffer.from('name;fte\n')],
    ['1 MB line', Buffer.from(`name\n${'x'.repeat(1024 * 1024)}`)],
  ])('when an upload (%s) is refused early, then the upload stream is released, not read to its end', async (_name, head) => {
    let closed = false;
    let yielded = 0;
    async function* upload() {
      try {
        for (let i = 0; i < 1000; i += 1) {
          yielded += 1;
          yield i === 0 ? head : Buffer.from('more,data\n'.repeat(1000));
        }
      } finally {
        closed = true;
      }
    }
    await expect((async () => (await readCsv(upload(), { sniffBytes: 16 })).records.next())()).rejects.toBeInstanceOf(ImportFileError);
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(true);
    expect(yielded).toBeLessThan(1000);
  });

  it('when a quote is never closed, then the file is refused as malformed with a line', async () => {
    const error = await refusal(csv('name,note', 'Ada,"open', 'Bob,x'));
    expect(error.code).toBe('malformed_csv');
    expect(error.message).toMatch(/near line \d/);
  });

  it("when Excel wrote a `sep=,` line first, then it is skipped; `sep=;` asks for commas", async () => {
    const { columns, rows } = await records(csv('sep=,', 'name,fte', 'Ada,1'));
    expect(columns).toEqual(['name', 'fte']);
    expect(rows[0]?.line).toBe(3);
    expect((await refusal(csv('sep=;', 'name;fte', 'Ada;1'))).code).toBe('wrong_delimiter');
  });

  it('when the header repeats a column, then the file is refused naming it', async () => {
    const error = await refusal(csv('name,Name', 'a,b'));
    expect(error).toMatchObject({ code: 'duplicate_column', message: expect.stringContaining('"name"') });
  });

  it('when a row has more non-blank values than the header, then it is flagged (trailing empty cells are fine)', async () => {
    const { rows } = await records(csv('a,b', '1,2,,', '1,2,3'));
    expect(rows.map((r) => r.extraValues)).toEqual([0, 1]);
  });
});
