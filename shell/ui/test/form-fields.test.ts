import { describe, expect, it } from 'vitest';
import { EquipmentData, HeadcountMemberData, PlaneTripData, TrainTripData } from '@co2/contracts';
import { z } from '@co2/contracts/zod';
import { describeFields, formSchema } from '../src/form/fields.js';
import { describeIssue } from '../src/form/issue-text.js';
import { serverErrorField, splitServerErrors } from '../src/form/server-errors.js';

type Props = Record<string, { type?: string; enum?: unknown[]; default?: unknown; format?: string }>;

describe('the JSON schema of a contract', () => {
  it('with io "input", fields with a default are optional and preprocess-wrapped enums and dates keep their type', () => {
    const input = formSchema(PlaneTripData);
    const output = z.toJSONSchema(PlaneTripData, { io: 'output', unrepresentable: 'any' });
    expect(output.required).toContain('number_of_trips');
    expect(input.required).not.toContain('number_of_trips');
    const props = input.properties as Props;
    expect(props.cabin_class).toMatchObject({ type: 'string', enum: ['first', 'business', 'economy'] });
    expect(props.departure_date).toMatchObject({ type: 'string', format: 'date' });
    expect(props.number_of_trips).toMatchObject({ type: 'integer', default: 1 });
    expect((formSchema(HeadcountMemberData).properties as Props).sius_code?.enum).toEqual(['51', '52', '53', '54', '56', '57', '58', '59']);
  });

  it('gives each field a widget, its required flag and default; hints reorder, relabel and change widgets', () => {
    const fields = describeFields(PlaneTripData, { user_institutional_id: { order: 1 }, origin_iata: { widget: 'custom' } });
    expect(fields.map((f) => [f.name, f.widget, f.required])).toEqual([
      ['user_institutional_id', 'text', true],
      ['origin_iata', 'custom', true],
      ['destination_iata', 'text', true],
      ['cabin_class', 'select', true],
      ['departure_date', 'date', false],
      ['number_of_trips', 'integer', false],
    ]);
    expect(fields.find((f) => f.name === 'number_of_trips')?.defaultValue).toBe(1);
    expect(describeFields(EquipmentData).map((f) => f.widget)).toEqual(['text', 'text', 'text', 'text', 'integer', 'integer']);
    expect(describeFields(TrainTripData).find((f) => f.name === 'origin_country_code')).toMatchObject({ widget: 'text', required: false });
  });
});

describe('issue messages', () => {
  const issuesOf = (schema: z.ZodType, data: unknown) => {
    const result = schema.safeParse(data);
    return result.success ? [] : result.error.issues;
  };

  it('names bounds in the locale, a missing value as required, and keeps the contract’s own texts', () => {
    const [fte] = issuesOf(HeadcountMemberData.shape.fte, 1.5);
    expect(describeIssue(fte!, { locale: 'de', missing: false })).toEqual({ key: 'ui.form.issue.max', params: { max: '1' } });
    const [min] = issuesOf(z.number().min(0.5), 0.1);
    expect(describeIssue(min!, { locale: 'fr', missing: false })).toEqual({ key: 'ui.form.issue.min', params: { min: '0,5' } });
    const [missing] = issuesOf(HeadcountMemberData.shape.name, undefined);
    expect(describeIssue(missing!, { locale: 'en', missing: true })).toEqual({ key: 'ui.form.issue.required' });
    const [iata] = issuesOf(PlaneTripData.shape.origin_iata, 'GV');
    expect(describeIssue(iata!, { locale: 'en', missing: false })).toEqual({ text: 'a 3-letter IATA code' });
    expect(describeIssue(iata!, { locale: 'en', missing: false, messages: { 'a 3-letter IATA code': 'forms.iata' } })).toEqual({ ref: 'forms.iata' });
    const [date] = issuesOf(PlaneTripData.shape.departure_date, '2025-02-30');
    expect(describeIssue(date!, { locale: 'en', missing: false })).toEqual({ key: 'ui.form.issue.date' });
    const [int] = issuesOf(z.number().int(), 1.5);
    expect(describeIssue(int!, { locale: 'en', missing: false })).toEqual({ key: 'ui.form.issue.integer' });
    const [option] = issuesOf(PlaneTripData.shape.cabin_class, 'rocket');
    expect(describeIssue(option!, { locale: 'en', missing: false })).toEqual({ key: 'ui.form.issue.option' });
  });
});

describe('server errors', () => {
  it('land on the field their path names; other paths are for the whole form', () => {
    expect(['body.data.fte', 'data.fte', 'fte', 'body.note', 'body.data', 'body', 'params.unit'].map(serverErrorField)).toEqual(['fte', 'fte', 'fte', 'note', null, null, null]);
    expect(splitServerErrors([{ path: 'body.data.fte', message: 'too big' }, { path: 'body.data', message: 'give data' }, { path: 'body.data.fte', message: 'second' }], new Set(['fte']))).toEqual({
      byField: { fte: 'too big' },
      general: ['give data'],
    });
  });
});
