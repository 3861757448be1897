import type { ServerErrorDetail } from './hints.js';

/** The form field a server error names: `body.data.fte` → `fte`, `body.note` → `note`; `null` for the whole form. */
export function serverErrorField(path: string): string | null {
  if (/^(?:params|query|headers)(?:\.|$)/.test(path)) return null;
  const name = /^(?:body\.)?(?:data\.)?([A-Za-z_][\w-]*)/.exec(path)?.[1];
  return name === undefined || name === 'body' || name === 'data' ? null : name;
}

/** Server errors per field (first one wins) and the ones no shown field can take. */
export function splitServerErrors(details: readonly ServerErrorDetail[], fieldNames: ReadonlySet<string>) {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const detail of details) {
    const field = serverErrorField(detail.path);
    if (field !== null && fieldNames.has(field)) byField[field] ??= detail.message;
    else general.push(detail.message);
  }
  return { byField, general };
}
