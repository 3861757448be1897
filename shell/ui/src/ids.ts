// Element ids for aria links. Vue's useId() is unique per app only, and the portal runs several apps in one document
// (the shell and a remote, each with its own copy of this kit): a random part per copy keeps ids apart.
const copy = Math.random().toString(36).slice(2, 8);
let next = 0;

/** A document-unique id such as `ui-form-k3j9x2-4`. */
export function uniqueId(prefix: string): string {
  next += 1;
  return `${prefix}-${copy}-${next}`;
}
