// Pure view-model of the workers panel: how long ago a runner was heard, and whether it has gone silent.
import type { Worker } from '@co2/contracts';

/** A runner beats on every poll (10 s by default); silent for a minute, it is probably gone or stuck. */
export const SILENT_AFTER_SECONDS = 60;

export const isSilent = (worker: Pick<Worker, 'heartbeatAgeSeconds'>) => worker.heartbeatAgeSeconds > SILENT_AFTER_SECONDS;

/** `4 s`, `3 min`, `2 h` in the user's language (Intl unit formatting). */
export function ageText(seconds: number, locale: string): string {
  const [value, unit] = seconds < 90 ? [Math.round(seconds), 'second'] : seconds < 5400 ? [Math.round(seconds / 60), 'minute'] : [Math.round(seconds / 3600), 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}
