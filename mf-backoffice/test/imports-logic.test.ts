import { describe, expect, it } from 'vitest';
import { DATA_IMPORT_FORMATS, ImportCatalogue, Job, JOB_STATES, Pipeline, REFERENCE_IMPORT_KINDS, MODULES } from '@co2/contracts';
import { ApiError, type MessageTree } from '@co2/shell-sdk';
import { ERROR_CODES_WITH_TEXT, errorView } from '../src/features/imports/api-errors.js';
import { choiceProblems, importForm, initialChoice, targetsOf, templateQuery, withTarget } from '../src/features/imports/import-choice.js';
import { displayState, jobPercent, jobTypeKey, phaseKey, uploadPercent } from '../src/features/imports/job-progress.js';
import { targetLabelKey } from '../src/features/imports/labels.js';
import { messages } from '../src/i18n/messages.js';
import { catalogue, job, pipeline, recalculation, report } from './import-fixtures.js';

const csv = (name = 'f.csv', size = 10) => new File(['x'.repeat(size)], name);

describe('import choice', () => {
  it('a factor import sends the submodule and year, a reference import neither year nor mode', () => {
    const factors = withTarget({ ...initialChoice(2024, 'LAB', true), kind: 'factors' }, 'professional-travel/plane');
    expect(Object.fromEntries([...importForm(factors, csv()).entries()].filter(([k]) => k !== 'file'))).toEqual({
      kind: 'factors', submodule: 'professional-travel/plane', year: '2024', dryRun: 'false',
    });
    expect(templateQuery(factors)).toBe('kind=factors&submodule=professional-travel%2Fplane');
    const reference = withTarget({ ...initialChoice(2024, 'LAB', true), kind: 'reference', dryRun: true }, 'fx-rates');
    expect([...importForm(reference, csv()).keys()]).toEqual(['kind', 'format', 'dryRun', 'file']);
    expect(templateQuery(reference)).toBe('kind=reference&format=fx-rates');
  });

  it('a unit-specific data import sends the unit code; the catalogue offers only formats allowing the mode', () => {
    const choice = withTarget(initialChoice(2025, ' LAB-CARBON ', false), 'equipment');
    expect(importForm(choice, csv()).get('unitCode')).toBe('LAB-CARBON');
    expect(targetsOf(catalogue, choice)).toEqual(['travel-planes', 'equipment']);
    expect(targetsOf(catalogue, { kind: 'data', mode: 'per-year' })).toContain('purchases-centralised');
  });

  it('problems: missing target, year out of range, missing unit, non-CSV or too large file', () => {
    const empty = { ...initialChoice(null, null, false) };
    expect(choiceProblems(empty, null, 100)).toEqual({ format: 'imports.form.required', year: 'imports.form.yearRange', unitCode: 'imports.form.required', file: 'imports.form.required' });
    const ok = withTarget(initialChoice(2025, 'LAB', false), 'equipment');
    expect(choiceProblems(ok, csv('A.CSV'), 100)).toEqual({});
    expect(choiceProblems(ok, csv('a.xlsx'), 100).file).toBe('imports.form.csvOnly');
    expect(choiceProblems(ok, csv('a.csv', 101), 100).file).toBe('imports.form.tooLarge');
  });
});

describe('job progress', () => {
  it('uses percent, else bytes read of the total, else indeterminate; a succeeded job is complete', () => {
    expect(jobPercent(job({ state: 'running', progress: { percent: 12.6 } }))).toBe(13);
    expect(jobPercent(job({ state: 'running', progress: { bytesRead: 50, bytesTotal: 200 } }))).toBe(25);
    expect(jobPercent(job({ state: 'running', progress: { rowsRead: 10 } }))).toBeNull();
    expect(jobPercent(job({ state: 'succeeded' }))).toBe(100);
    expect(uploadPercent(3, 4)).toBe(75);
    expect(uploadPercent(3, null)).toBeNull();
  });

  it('an import that ran but applied nothing reads "rejected", one with rejected rows "warning"', () => {
    expect(displayState(job({ state: 'succeeded', report: report({ status: 'error' }) }))).toBe('rejected');
    expect(displayState(job({ state: 'succeeded', report: report({ status: 'warning' }) }))).toBe('warning');
    expect(displayState(job({ state: 'succeeded', report: report({ status: 'success' }) }))).toBe('succeeded');
    expect(displayState(job({ state: 'failed', report: report({ status: 'error' }) }))).toBe('failed');
  });

  it('turns API errors into a known explanation and field labels', () => {
    const view = errorView(new ApiError({ status: 413, code: 'payload_too_large', message: 'max 100 MB', details: [{ path: 'body.file', message: 'too big' }] }));
    expect(view).toMatchObject({ titleKey: 'imports.errors.payload_too_large', details: [{ fieldKey: 'imports.form.file' }] });
    expect(errorView(new ApiError({ status: 500, code: 'internal_error', message: 'x' })).titleKey).toBe('imports.errors.generic');
  });
});

function keys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

describe('backoffice messages', () => {
  it('French and German have exactly the English keys', () => {
    expect(keys(messages.fr).sort()).toEqual(keys(messages.en).sort());
    expect(keys(messages.de).sort()).toEqual(keys(messages.en).sort());
  });

  it('every format, reference kind, module, state, phase, job type, error code and form field of the contracts has a text', () => {
    const en = new Set(keys(messages.en));
    const needed = [
      ...DATA_IMPORT_FORMATS.map((f) => targetLabelKey('data', f).key),
      ...REFERENCE_IMPORT_KINDS.map((k) => targetLabelKey('reference', k).key),
      ...Object.keys(MODULES).map((m) => targetLabelKey('factors', `${m}/x`).key),
      ...[...JOB_STATES, 'warning', 'rejected'].map((s) => `imports.state.${s}`),
      ...['validating', 'staging', 'applying', 'recalculating', 'aggregating'].map((p) => phaseKey(p)!),
      ...['data-import', 'factor-import', 'reference-import', 'recalculate-emissions', 'aggregate-report-totals'].map((t) => jobTypeKey(t)!),
      ...ERROR_CODES_WITH_TEXT.map((c) => `imports.errors.${c}`),
      ...['kind', 'format', 'mode', 'year', 'unitCode', 'submodule', 'dryRun', 'file'].map((f) => `imports.form.${f}`),
    ];
    expect(needed.filter((key) => !en.has(key))).toEqual([]);
  });
});

describe('import fixtures', () => {
  it('match the contracts', () => {
    expect(ImportCatalogue.safeParse(catalogue).success).toBe(true);
    expect(Job.safeParse(job()).success).toBe(true);
    expect(Pipeline.safeParse(pipeline([job(), recalculation('running')])).success).toBe(true);
  });
});
