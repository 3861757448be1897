import { describe, expect, it } from 'vitest';
import { canAbortJob, canRetryJob, JOB_STATES, jobOutcome, jobPercent, type ImportReport } from '../src/index.js';

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
});
