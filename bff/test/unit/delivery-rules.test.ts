import { describe, expect, it } from 'vitest';
import { canaryBucket, inCanary } from '../../src/remotes/canary.js';
import { majorRange, sameMajor } from '../../src/remotes/compat.js';
import { relativeImports } from '../../src/remotes/entry-check.js';

describe('canary assignment', () => {
  const subjects = Array.from({ length: 2000 }, (_, i) => `user-${i}`);

  it('when the same user asks again, then the bucket is the same; about the asked share of users is in the canary', () => {
    expect(canaryBucket('mf_travel', 'user-1')).toBe(canaryBucket('mf_travel', 'user-1'));
    const share = subjects.filter((s) => inCanary('mf_travel', s, 50)).length / subjects.length;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.55);
  });

  it('when the percentage grows, then nobody leaves the canary; signed-out visitors and 0 % never get it', () => {
    const at20 = subjects.filter((s) => inCanary('mf_travel', s, 20));
    expect(at20.every((s) => inCanary('mf_travel', s, 60))).toBe(true);
    expect(inCanary('mf_travel', null, 100)).toBe(false);
    expect(subjects.some((s) => inCanary('mf_travel', s, 0))).toBe(false);
    expect(subjects.every((s) => inCanary('mf_travel', s, 100))).toBe(true);
  });
});

describe('shared package compatibility', () => {
  it('when the majors match (the minor for 0.x), then a remote is compatible', () => {
    expect(sameMajor('0.1.0', '0.1.7')).toBe(true);
    expect(sameMajor('0.2.0', '0.1.7')).toBe(false);
    expect(sameMajor('1.4.0', '1.0.0')).toBe(true);
    expect(sameMajor('2.0.0', '1.9.9')).toBe(false);
    expect(sameMajor('garbage', '1.0.0')).toBe(false);
    expect([majorRange('0.1.3'), majorRange('3.2.1')]).toEqual(['0.1.x', '3.x']);
  });
});

describe('entry imports', () => {
  it('when an entry imports relative modules statically and dynamically, then each is listed once, normalized', () => {
    const source = 'import{a}from"./assets/a-1.js";import("./assets/b-2.js");import(`./assets/b-2.js`);import x from "vue";import "../up.js"';
    expect(relativeImports(source)).toEqual(['../up.js', 'assets/a-1.js', 'assets/b-2.js']);
  });
});
