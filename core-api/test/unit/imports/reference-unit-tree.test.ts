import { describe, expect, it } from 'vitest';
import { checkUnitTree, type ExistingUnit, type UnitNode } from '../../../src/imports/reference/index.js';

/** Rows from `code<parent[@level]` strings, one per line starting at line 2 (as in a CSV under its header). */
const rows = (...specs: string[]): UnitNode[] =>
  specs.map((s, i) => {
    const [code = '', rest = ''] = s.split('<');
    const [parent, level] = rest.split('@');
    return { line: i + 2, code, parentCode: parent ? parent : null, level: level ? Number(level) : null };
  });
const existing = (...pairs: [string, string | null][]): ExistingUnit[] => pairs.map(([code, parentCode]) => ({ code, parentCode }));

const messages = (check: ReturnType<typeof checkUnitTree>) => check.rejected.map((r) => [r.line, r.issues[0]?.column, r.issues[0]?.message]);
const paths = (check: ReturnType<typeof checkUnitTree>) => Object.fromEntries([...check.placed].map(([c, p]) => [c, p.join('/')]));

describe('unit tree check', () => {
  it('when parents come after their children, then every unit is placed with its path', () => {
    const check = checkUnitTree(rows('LAB<INST@4', 'INST<FAC', 'FAC<U', 'U<'), []);
    expect(check.rejected).toEqual([]);
    expect(paths(check)).toEqual({ LAB: 'U/FAC/INST/LAB', INST: 'U/FAC/INST', FAC: 'U/FAC', U: 'U' });
  });

  it('when a parent exists only in the database, then the unit hangs below it', () => {
    const check = checkUnitTree(rows('NEW<FAC'), existing(['U', null], ['FAC', 'U']));
    expect(paths(check)).toEqual({ NEW: 'U/FAC/NEW' });
  });

  it('when a parent is unknown, then the row and the rows below it are rejected with the reason', () => {
    const check = checkUnitTree(rows('A<GHOST', 'B<A', 'C<B', 'U<', 'D<U'), []);
    expect(messages(check)).toEqual([
      [2, 'parent_code', 'unknown parent unit "GHOST" (neither in the file nor in the database)'],
      [3, 'parent_code', 'parent unit "A" is rejected (line 2)'],
      [4, 'parent_code', 'parent unit "B" is rejected (line 3)'],
    ]);
    expect(paths(check)).toEqual({ U: 'U', D: 'U/D' });
  });

  it('when the file forms a cycle, then the rows of the cycle and those below are rejected', () => {
    const check = checkUnitTree(rows('A<C', 'B<A', 'C<B', 'D<C', 'U<'), []);
    expect(messages(check).slice(0, 3).map((m) => m[2])).toEqual(Array(3).fill(expect.stringMatching(/^forms a cycle: /)));
    expect(check.rejected[0]?.issues[0]?.message).toContain('"A" → "C" → "B" → "A"');
    expect(messages(check)[3]).toEqual([5, 'parent_code', 'parent unit "C" is rejected (line 4)']);
    expect(paths(check)).toEqual({ U: 'U' });
  });

  it('when a moved unit would become its own ancestor through the database, then it is refused as a cycle', () => {
    // Database: U > FAC > INST. The file puts FAC under INST.
    const check = checkUnitTree(rows('FAC<INST'), existing(['U', null], ['FAC', 'U'], ['INST', 'FAC']));
    expect(messages(check)).toEqual([[2, 'parent_code', expect.stringContaining('forms a cycle')]]);
  });

  it('when a rejected row is already in the database, then its children attach to the database version', () => {
    const check = checkUnitTree(rows('FAC<GHOST', 'NEW<FAC'), existing(['U', null], ['FAC', 'U']));
    expect(messages(check).map((m) => m[0])).toEqual([2]);
    expect(paths(check)).toEqual({ NEW: 'U/FAC/NEW' });
  });

  it('when a stated level does not match the position, then the row is rejected on the level column', () => {
    const check = checkUnitTree(rows('U<@2', 'FAC<U@3'), []);
    expect(messages(check)).toEqual([
      [2, 'level', 'is 2, but as a root (no parent_code) the unit is at level 1'],
      [3, 'parent_code', 'parent unit "U" is rejected (line 2)'],
    ]);
  });

  it('when a unit would sit below level 4, or push a database unit there, then the responsible row is rejected', () => {
    const tooDeep = checkUnitTree(rows('U<', 'A<U', 'B<A', 'C<B', 'D<C'), []);
    expect(messages(tooDeep)).toEqual([[6, 'parent_code', 'would be at level 5 under "C"; the hierarchy has at most 4 levels']]);
    // Database: U > F1 > I1 > L1 and U > F2. Moving I1 under a new F2 > X puts L1 at level 5.
    const pushes = checkUnitTree(rows('X<F2', 'I1<X'), existing(['U', null], ['F1', 'U'], ['I1', 'F1'], ['L1', 'I1'], ['F2', 'U']));
    expect(messages(pushes)).toEqual([[3, 'parent_code', 'would put unit "L1" (not in the file) at level 5; the hierarchy has at most 4 levels']]);
    expect(paths(pushes)).toEqual({ X: 'U/F2/X' });
  });
});
