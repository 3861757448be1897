import { describe, expect, it } from 'vitest';
import type { YearConfiguration } from '@co2/contracts';
import { draftIssues, draftOf, draftPath, newYearDraft, suggestedYear } from '../src/features/years/year-draft.js';

const y2025: YearConfiguration = {
  year: 2025,
  openToUsers: true,
  workingDaysPerYear: 230,
  modules: { 'professional-travel': { enabled: true, uncertainty: 'medium', submodules: { plane: { enabled: true, thresholdKg: 5000 }, train: { enabled: false, thresholdKg: null } } } } as unknown as YearConfiguration['modules'],
  reductionGoals: [{ label: 'Paris', referenceYear: 2019, targetYear: 2030, reductionPercent: 50 }],
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('year drafts', () => {
  it('when a year is created from a template, then it keeps the modules and goals and starts closed to users', () => {
    const draft = newYearDraft(y2025);
    expect(draft.openToUsers).toBe(false);
    expect(draft.modules['professional-travel']?.submodules.plane?.thresholdKg).toBe(5000);
    expect(draft.reductionGoals).toHaveLength(1);
    draft.reductionGoals[0]!.label = 'changed';
    expect(y2025.reductionGoals[0]!.label).toBe('Paris'); // a copy, never the template itself
    expect(newYearDraft(null)).toEqual({ openToUsers: false, workingDaysPerYear: 230, modules: {}, reductionGoals: [] });
  });

  it('the body sent back has no year or timestamp, and the contract finds a goal whose target precedes its reference', () => {
    const draft = draftOf(y2025);
    expect(Object.keys(draft).sort()).toEqual(['modules', 'openToUsers', 'reductionGoals', 'workingDaysPerYear']);
    expect(draftIssues(draft)).toEqual({});
    draft.reductionGoals[0]!.targetYear = 2010;
    draft.modules['professional-travel']!.submodules.plane!.thresholdKg = -1;
    const issues = draftIssues(draft);
    expect(Object.keys(issues).sort()).toEqual(['modules.professional-travel.submodules.plane.thresholdKg', 'reductionGoals.0.targetYear']);
    expect(draftPath('body.reductionGoals.0.targetYear')).toBe('reductionGoals.0.targetYear');
  });

  it('suggests the year after the newest configured one', () => {
    expect(suggestedYear([{ year: 2024 }, { year: 2025 }])).toBe(2026);
    expect(suggestedYear([], new Date('2027-03-01T00:00:00Z'))).toBe(2027);
  });
});
