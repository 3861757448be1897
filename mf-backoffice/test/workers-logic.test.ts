import { describe, expect, it } from 'vitest';
import { ageText, isSilent } from '../src/features/jobs/workers-view.js';

describe('workers view', () => {
  it('says how long ago a worker beat, in the user’s language, and flags one silent for over a minute', () => {
    expect(ageText(4.2, 'en')).toBe('4 sec');
    expect(ageText(180, 'en')).toBe('3 min');
    expect(ageText(7200, 'de')).toBe('2 Std.');
    expect(isSilent({ heartbeatAgeSeconds: 12 })).toBe(false);
    expect(isSilent({ heartbeatAgeSeconds: 61 })).toBe(true);
  });
});
