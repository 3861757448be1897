import { describe, expect, it } from 'vitest';
import { canAbortJob, canRetryJob, JOB_STATES, jobOutcome, jobPercent, reportIssueRows, type ImportReport } from '../src/index.js';

const report = (status: ImportReport['status']) => ({ status }) as ImportReport;

describe('job semantics shared by every client', () => {
  it('abort is for queued and running jobs, retry for failed and aborted ones', () => {
    expect(JOB_STATES.filter(canAbortJob)).toEqual(['queued', 'running']);
    expect(JOB_STATES.filter(canRetryJob)).toEqual(['failed', 'aborted']);
  });

  it('a percentage from the server, else from the bytes read, else unknown; 100 once succeeded', () => {
    expect(jobPercent({ state: 'running', progress: { percent: 42.4 } })).toBe(42);
    expect(jobPercent({ state: 'running', progress: { bytesRead: 250, bytesTotal: 1000 } })).toBe(25);
    expect(jobPercent({ state: 'running', progress: { bytesRead: 2000, bytesTotal: 1000 } })).toBe(100);
    expect(jobPercent({ state: 'queued', progress: {} })).toBeNull();
    expect(jobPercent({ state: 'succeeded', progress: { percent: 99 } })).toBe(100);
  });

  it('an import that succeeded reads as rejected when nothing applied, warning when rows were dropped', () => {
    expect(jobOutcome({ state: 'succeeded', report: report('error') })).toBe('rejected');
    expect(jobOutcome({ state: 'succeeded', report: report('warning') })).toBe('warning');
    expect(jobOutcome({ state: 'succeeded', report: report('success') })).toBe('succeeded');
    expect(jobOutcome({ state: 'succeeded', report: null })).toBe('succeeded');
    expect(jobOutcome({ state: 'failed', report: report('error') })).toBe('failed');
  });

  it('a report row becomes one table line per problem, the whole row when no column is named', () => {
    const rows = reportIssueRows([
      { line: 4, issues: [{ column: 'number_of_trips', message: 'must be ≥ 1' }, { column: 'departure_date', message: 'not a date' }] },
      { line: 9, issues: [{ message: 'more values than columns' }] },
    ]);
    expect(rows.map((r) => [r.key, r.line, r.column, r.message])).toEqual([
      ['4-0', 4, 'number_of_trips', 'must be ≥ 1'],
      ['4-1', 4, 'departure_date', 'not a date'],
      ['9-0', 9, '—', 'more values than columns'],
    ]);
  });
});
