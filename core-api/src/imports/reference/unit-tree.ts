// Checks the unit hierarchy a units file would produce, over the whole file and the units already in the
// database (a parent may come later in the file, or only exist in the database). Pure: the job loads the
// existing (code, parent) pairs — a few thousand — and applies the placements this returns.
import type { CellIssue, RowReport } from '../report.js';
import { MAX_UNIT_LEVEL } from './units.js';

export interface UnitNode {
  line: number;
  code: string;
  parentCode: string | null;
  /** The level the file states, checked against the position in the tree. */
  level: number | null;
}

export interface ExistingUnit {
  code: string;
  parentCode: string | null;
}

export interface TreeCheck {
  /** Accepted rows: path of codes from the root to the unit (level = its length). */
  placed: Map<string, string[]>;
  /** Rejected rows, in line order. */
  rejected: RowReport[];
}

/** Where a unit sits in one pass: placed, gone (a rejected row the database does not have), or decided next pass. */
type Status = { kind: 'ok'; path: string[] } | { kind: 'gone'; code: string; line: number } | { kind: 'pending' };
const PENDING: Status = { kind: 'pending' };
const ROOT: Status = { kind: 'ok', path: [] };

/**
 * Rejects rows whose parent is unknown or rejected, rows forming a cycle, rows that would sit deeper than
 * `maxLevel` (or would push a unit that is only in the database deeper), and rows whose stated level does
 * not match. A rejected row that the database already has keeps its current place, so the check runs again
 * until no new row is rejected (a few passes; each is linear).
 */
export function checkUnitTree(rows: readonly UnitNode[], existing: readonly ExistingUnit[], maxLevel = MAX_UNIT_LEVEL): TreeCheck {
  const file = new Map(rows.map((r) => [r.code, r]));
  const db = new Map(existing.map((u) => [u.code, u.parentCode]));
  const rejected = new Map<string, RowReport>();

  for (;;) {
    const fresh = pass(file, db, rejected, maxLevel);
    if (fresh.statuses === undefined) {
      for (const [code, issue] of fresh.issues) rejected.set(code, { line: (file.get(code) as UnitNode).line, issues: [issue] });
      continue;
    }
    const placed = new Map<string, string[]>();
    for (const row of rows) {
      if (rejected.has(row.code)) continue;
      const status = fresh.statuses.get(row.code);
      if (status?.kind === 'ok') placed.set(row.code, status.path);
      else rejected.set(row.code, { line: row.line, issues: [{ column: 'parent_code', message: 'cannot be placed in the hierarchy' }] });
    }
    return { placed, rejected: [...rejected.values()].sort((a, b) => a.line - b.line) };
  }
}

function pass(file: Map<string, UnitNode>, db: Map<string, string | null>, rejected: Map<string, RowReport>, maxLevel: number) {
  const live = (c: string) => file.has(c) && !rejected.has(c);
  const exists = (c: string) => live(c) || db.has(c);
  const parentOf = (c: string) => (live(c) ? (file.get(c) as UnitNode).parentCode : (db.get(c) ?? null));
  const failed = (c: string): Status => (db.has(c) ? PENDING : { kind: 'gone', code: c, line: (file.get(c) as UnitNode).line });
  const status = new Map<string, Status>();
  const issues = new Map<string, CellIssue>();
  const reject = (c: string, issue: CellIssue) => {
    if (!issues.has(c)) issues.set(c, issue);
    return failed(c);
  };

  /** The status of `c` given its parent's status. */
  const place = (c: string, parent: Status): Status => {
    if (parent.kind === 'pending') return PENDING;
    if (parent.kind === 'gone') return live(c) ? reject(c, { column: 'parent_code', message: `parent unit "${parent.code}" is rejected (line ${parent.line})` }) : PENDING;
    const path = [...parent.path, c];
    const depth = path.length;
    if (!live(c)) {
      if (depth <= maxLevel) return { kind: 'ok', path };
      // A unit only in the database would sink too deep: refuse the nearest moved ancestor from the file.
      const mover = path.slice(0, -1).reverse().find(live);
      if (mover) reject(mover, { column: 'parent_code', message: `would put unit "${c}" (not in the file) at level ${depth}; the hierarchy has at most ${maxLevel} levels` });
      return mover ? PENDING : { kind: 'ok', path };
    }
    const row = file.get(c) as UnitNode;
    if (depth > maxLevel) return reject(c, { column: 'parent_code', message: `would be at level ${depth} under "${row.parentCode}"; the hierarchy has at most ${maxLevel} levels` });
    if (row.level !== null && row.level !== depth) {
      const where = row.parentCode === null ? 'as a root (no parent_code) the unit is at level 1' : `under "${row.parentCode}" the unit is at level ${depth}`;
      return reject(c, { column: 'level', message: `is ${row.level}, but ${where}` });
    }
    return { kind: 'ok', path };
  };

  /** Walks up from `start` to a known status, the root, a missing parent or a cycle, then places the chain top-down. */
  const resolve = (start: string) => {
    const chain: string[] = [];
    const at = new Map<string, number>();
    let cur = start;
    let base: Status;
    for (;;) {
      const known = status.get(cur);
      if (known) {
        base = known;
        break;
      }
      const seen = at.get(cur);
      if (seen !== undefined) {
        const cycle = chain.slice(seen);
        const message = `forms a cycle: ${[...cycle, cur].map((c) => `"${c}"`).join(' → ')} (each is the parent_code of the one before)`;
        for (const c of cycle) status.set(c, live(c) ? reject(c, { column: 'parent_code', message }) : PENDING);
        chain.length = seen;
        base = status.get(cur) as Status;
        break;
      }
      at.set(cur, chain.length);
      chain.push(cur);
      const parent = parentOf(cur);
      if (parent === null) {
        base = ROOT;
        break;
      }
      if (!exists(parent)) {
        // Only a row of the file can name a parent that does not exist (database parents exist).
        chain.pop();
        const r = rejected.get(parent);
        const message = r ? `parent unit "${parent}" is rejected (line ${r.line})` : `unknown parent unit "${parent}" (neither in the file nor in the database)`;
        base = reject(cur, { column: 'parent_code', message });
        status.set(cur, base);
        break;
      }
      cur = parent;
    }
    for (let i = chain.length - 1; i >= 0; i -= 1) {
      const c = chain[i] as string;
      base = place(c, base);
      status.set(c, base);
    }
  };

  for (const code of file.keys()) if (live(code)) resolve(code);
  // Units only in the database move with a moved ancestor: check how deep they would end up.
  for (const code of db.keys()) if (!status.has(code)) resolve(code);
  return issues.size > 0 ? { issues, statuses: undefined } : { issues, statuses: status };
}
