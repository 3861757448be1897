import { describe, expect, it } from 'vitest';
import { JOB_STATES, type JobOutcome } from '@co2/contracts';
import { entryStatusLook, jobOutcomeLook, moduleStatusLook, TONES, type UiTone } from '../src/status/tones.js';
import UiEntryStatusChip from '../src/status/UiEntryStatusChip.vue';
import UiJobStateChip from '../src/status/UiJobStateChip.vue';
import UiModuleStatusChip from '../src/status/UiModuleStatusChip.vue';
import UiStatusChip from '../src/status/UiStatusChip.vue';
import { contrast } from './contrast.js';
import { mountUi } from './support.js';

describe('tones', () => {
  it.each(Object.entries(TONES))('the %s tone has AA contrast (≥ 4.5:1) between text and background', (_tone, style) => {
    expect(contrast(style.textColor, style.color)).toBeGreaterThanOrEqual(4.5);
  });

  it('maps module, entry and job states to tones', () => {
    expect((['not_started', 'in_progress', 'validated'] as const).map((s) => moduleStatusLook(s).tone)).toEqual(['neutral', 'info', 'positive']);
    expect((['computed', 'not_computed'] as const).map((s) => entryStatusLook(s).tone)).toEqual(['positive', 'warning']);
    const outcomes: JobOutcome[] = [...JOB_STATES, 'warning', 'rejected'];
    expect(Object.fromEntries(outcomes.map((o) => [o, jobOutcomeLook(o).tone]))).toEqual({
      queued: 'neutral', running: 'info', succeeded: 'positive', failed: 'negative', aborted: 'neutral', warning: 'warning', rejected: 'negative',
    });
  });
});

describe('UiStatusChip', () => {
  it('shows its label as text, with the tone colours and an icon hidden from screen readers', () => {
    const { wrapper } = mountUi(UiStatusChip, { props: { tone: 'negative' as UiTone, label: 'Failed' } });
    expect(wrapper.text()).toBe('Failed');
    expect(wrapper.classes()).toEqual(expect.arrayContaining(['bg-red-1', 'text-red-10']));
    expect(wrapper.get('.q-icon').attributes('aria-hidden')).toBe('true');
  });
});

describe('domain chips', () => {
  it('when a job outcome is given, then the chip says it in the user language with the given test id prefix', () => {
    const { wrapper } = mountUi(UiJobStateChip, { props: { state: 'warning' as const, testidPrefix: 'import-state' }, locale: 'fr' });
    expect(wrapper.text()).toBe('Avec avertissements');
    expect(wrapper.attributes('data-testid')).toBe('import-state-warning');
    expect(wrapper.classes()).toContain('bg-amber-2');
  });

  it('names module and entry states in EN/FR/DE', () => {
    expect(mountUi(UiModuleStatusChip, { props: { status: 'validated' as const } }).wrapper.text()).toBe('Validated');
    expect(mountUi(UiModuleStatusChip, { props: { status: 'in_progress' as const }, locale: 'de' }).wrapper.text()).toBe('In Bearbeitung');
    expect(mountUi(UiEntryStatusChip, { props: { status: 'not_computed' as const }, locale: 'fr' }).wrapper.text()).toBe('Non calculé');
  });
});
