// Streaming multipart/form-data (busboy): form fields first, then ONE file part that is handed over as a
// stream — never buffered whole, never written to a temporary disk file. Fields after the file are refused, so
// the caller can authorise and validate the request before it reads a single byte of the file.
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { errors } from '../errors/index.js';

export interface FilePart {
  name: string;
  contentType: string | null;
  /** The file's bytes. Stopping early (break, throw) leaves the rest to be drained, not a stalled parser. */
  content: AsyncIterable<Buffer>;
}

export interface MultipartOptions {
  maxFileBytes: number;
  /** The form field that carries the file. */
  fileField: string;
  /** Undoes `onFile`'s work when the request turns out bad after it (e.g. a field after the file). */
  discard?: (value: never) => Promise<void>;
}

/** Generous room for the form fields and part headers around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * Parses the request and calls `onFile(fields, file)` for the file part; resolves with its result once the
 * whole request is read. `onFile` must consume the stream (or throw: the rest is drained and the error thrown).
 */
export async function readMultipart<T>(req: Request, options: MultipartOptions, onFile: (fields: Record<string, string>, file: FilePart) => Promise<T>): Promise<T> {
  if (!req.is('multipart/form-data')) throw errors.unsupportedMediaType('Send the import as multipart/form-data (form fields, then the CSV in a "file" part)');
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxFileBytes + FORM_OVERHEAD_BYTES) throw errors.payloadTooLarge(options.maxFileBytes);

  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fieldSize: 1024, parts: 21, fileSize: options.maxFileBytes + 1 } });
    } catch {
      reject(errors.validationFailed([{ path: 'body', message: 'malformed multipart/form-data (missing boundary?)' }]));
      return;
    }
    const fields: Record<string, string> = {};
    let handled: Promise<T> | undefined;
    let failure: unknown;
    const fail = (error: unknown) => {
      failure ??= error;
    };
    parser.on('field', (name, value, info) => {
      if (handled) return fail(errors.validationFailed([{ path: `body.${name}`, message: 'form fields must come before the file part' }]));
      if (info.valueTruncated) return fail(errors.validationFailed([{ path: `body.${name}`, message: 'is too long' }]));
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== options.fileField || handled) {
        stream.resume();
        return fail(errors.validationFailed([{ path: `body.${name}`, message: `unexpected file part (send one file in "${options.fileField}")` }]));
      }
      const content = (stream as Readable).iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>;
      handled = onFile(fields, { name: info.filename ?? '', contentType: info.mimeType || null, content });
      handled.catch((error: unknown) => {
        fail(error);
        stream.resume(); // drain the rest so the answer reaches the client
      });
    });
    parser.on('fieldsLimit', () => fail(errors.validationFailed([{ path: 'body', message: 'too many form fields' }])));
    parser.on('filesLimit', () => fail(errors.validationFailed([{ path: 'body', message: `only one file part ("${options.fileField}") is accepted` }])));
    parser.on('error', (err: Error) => reject(errors.validationFailed([{ path: 'body', message: `malformed multipart/form-data: ${err.message}` }])));
    parser.on('close', () => {
      if (!handled) return reject(failure ?? errors.validationFailed([{ path: `body.${options.fileField}`, message: 'is required (the CSV file)' }]));
      handled.then(
        (value) => {
          if (!failure) return resolve(value);
          void (options.discard as ((v: T) => Promise<void>) | undefined)?.(value).catch(() => undefined);
          reject(failure);
        },
        (error: unknown) => reject(failure ?? error),
      );
    });
    req.pipe(parser);
  });
}
