import { matBlock, matCheckCircle, matError, matHourglassEmpty, matInfo, matRadioButtonUnchecked, matSync, matWarning } from '@quasar/extras/material-icons';
import type { Entry, JobOutcome, ModuleStatus } from '@co2/contracts';

export type UiTone = 'positive' | 'warning' | 'negative' | 'info' | 'neutral';

export interface ToneStyle {
  /** Quasar palette names: light background, dark text (contrast ≥ 4.5:1, checked by a test). */
  color: string;
  textColor: string;
  icon: string;
}

/** Each tone's colours and icon; the chip's text always says the state (colour and icon are never the only cue). */
export const TONES: Record<UiTone, ToneStyle> = {
  positive: { color: 'green-1', textColor: 'green-10', icon: matCheckCircle },
  warning: { color: 'amber-2', textColor: 'brown-10', icon: matWarning },
  negative: { color: 'red-1', textColor: 'red-10', icon: matError },
  info: { color: 'blue-1', textColor: 'blue-10', icon: matInfo },
  neutral: { color: 'grey-3', textColor: 'grey-9', icon: matRadioButtonUnchecked },
};

/** A domain state as a chip: its tone, an icon when the tone's default does not fit, and its `ui.*` text key. */
export interface StatusLook {
  tone: UiTone;
  icon?: string;
  labelKey: string;
}

/** Module status of a report: not started → neutral, in progress → info, validated → positive. */
export function moduleStatusLook(status: ModuleStatus): StatusLook {
  const tone = ({ not_started: 'neutral', in_progress: 'info', validated: 'positive' } as const)[status];
  return { tone, labelKey: `ui.status.module.${status}` };
}

/** Entry status: computed → positive, not computed (its `reason` says why) → warning. */
export function entryStatusLook(status: Entry['status']): StatusLook {
  return { tone: status === 'computed' ? 'positive' : 'warning', labelKey: `ui.status.entry.${status}` };
}

/** Job outcome (`jobOutcome(job)` of @co2/contracts, or a pipeline's state). */
export function jobOutcomeLook(outcome: JobOutcome): StatusLook {
  const labelKey = `ui.status.job.${outcome}`;
  switch (outcome) {
    case 'queued':
      return { tone: 'neutral', icon: matHourglassEmpty, labelKey };
    case 'running':
      return { tone: 'info', icon: matSync, labelKey };
    case 'succeeded':
      return { tone: 'positive', labelKey };
    case 'warning':
      return { tone: 'warning', labelKey };
    case 'rejected':
    case 'failed':
      return { tone: 'negative', labelKey };
    case 'aborted':
      return { tone: 'neutral', icon: matBlock, labelKey };
  }
}
