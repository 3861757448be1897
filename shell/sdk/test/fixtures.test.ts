import { describe, expect, it } from 'vitest';
import { Me, UnitList } from '@co2/contracts';
import { meFixture, unitListFixture } from '../src/testing.js';

describe('test fixtures shared with the remotes', () => {
  it('match the contracts they stand for', () => {
    expect(Me.safeParse(meFixture).success).toBe(true);
    expect(UnitList.safeParse(unitListFixture).success).toBe(true);
  });
});
