import { describe, expect, it } from 'vitest';
import { DATA_IMPORT_FORMATS, ImportCatalogue, Job, JOB_STATES, Pipeline, SUBMODULE_KEYS } from '@co2/contracts';
import type { MessageTree } from '@co2/shell-sdk';
import { ERROR_CODES_WITH_TEXT, FORM_FIELDS, JOB_TYPES, jobPercent, jobTypeKey, PHASES, phaseKey } from '../src/features/imports/job-view.js';
import { submoduleLabelKey } from '../src/features/imports/labels.js';
import { fileProblem, formatFor, isPrincipalOf, moduleImportTargets, unitImportForm } from '../src/features/imports/unit-import.js';
import { messages } from '../src/i18n/messages.js';
import { catalogue, job, pipeline } from './import-fixtures.js';

describe('unit import', () => {
  it('a module offers one import per format: equipment’s one format for its three submodules, none where no unit format exists', () => {
    expect(moduleImportTargets(catalogue, ['equipment/scientific', 'equipment/it', 'equipment/other'])).toEqual(['equipment/scientific']);
    expect(moduleImportTargets(catalogue, ['buildings/rooms', 'buildings/combustion', 'buildings/embodied-energy'])).toEqual(['buildings/rooms']);
    expect(moduleImportTargets(catalogue, ['purchases/centralised'])).toEqual([]);
  });

  it('derives the format from the catalogue targets, only among formats that allow unit-specific imports', () => {
    expect(formatFor(catalogue, 'equipment/it')?.format).toBe('equipment');
    expect(formatFor(catalogue, 'purchases/centralised')).toBeNull();
    expect(formatFor(catalogue, 'headcount/member')).toBeNull();
  });

  it('only a unit-scoped principal grant for the selected unit counts', () => {
    expect(isPrincipalOf(['user.principal@unit:LAB'], 'LAB')).toBe(true);
    expect(isPrincipalOf(['user.principal@unit:LAB'], 'OTHER')).toBe(false);
    expect(isPrincipalOf(['user.standard@unit:LAB', 'backoffice.admin@global'], 'LAB')).toBe(false);
    expect(isPrincipalOf(['user.principal@unit:LAB'], null)).toBe(false);
  });

  it('builds the append form and checks the file', () => {
    const form = unitImportForm({ format: 'equipment', unitCode: 'LAB', year: 2024, dryRun: true }, new File(['x'], 'e.csv'));
    expect([...form.keys()]).toEqual(['kind', 'format', 'mode', 'year', 'unitCode', 'dryRun', 'file']);
    expect(form.get('dryRun')).toBe('true');
    expect(fileProblem(null, 10)).toBe('imports.required');
    expect(fileProblem(new File(['x'], 'a.CSV'), 10)).toBeNull();
    expect(fileProblem(new File(['x'.repeat(11)], 'a.csv'), 10)).toBe('imports.tooLarge');
  });

  it('job percent: percent, else bytes, else indeterminate', () => {
    expect(jobPercent(job({ state: 'running', progress: { bytesRead: 1, bytesTotal: 3 } }))).toBe(33);
    expect(jobPercent(job({ state: 'running' }))).toBeNull();
  });
});

function keys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

describe('inventory messages', () => {
  it('French and German have exactly the English keys', () => {
    expect(keys(messages.fr).sort()).toEqual(keys(messages.en).sort());
    expect(keys(messages.de).sort()).toEqual(keys(messages.en).sort());
  });

  it('every submodule, data format, state, phase, job type, error code and form field has a text', () => {
    const en = new Set(keys(messages.en));
    const camel = (id: string) => id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const needed = [
      ...SUBMODULE_KEYS.map(submoduleLabelKey),
      ...DATA_IMPORT_FORMATS.map((f) => `imports.format.${camel(f)}`),
      ...[...JOB_STATES, 'warning', 'rejected'].map((s) => `imports.state.${s}`),
      ...PHASES.map((p) => phaseKey(p)!),
      ...JOB_TYPES.map((t) => jobTypeKey(t)!),
      ...ERROR_CODES_WITH_TEXT.map((c) => `imports.errors.${c}`),
      ...FORM_FIELDS.map((f) => `imports.field.${f}`),
    ];
    expect(needed.filter((key) => !en.has(key))).toEqual([]);
  });

  it('the fixtures match the contracts', () => {
    expect(ImportCatalogue.safeParse(catalogue).success).toBe(true);
    expect(Job.safeParse(job()).success).toBe(true);
    expect(Pipeline.safeParse(pipeline([job()])).success).toBe(true);
  });
});
