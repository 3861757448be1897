import type { z } from '@co2/contracts/zod';
import { formatNumber } from '../format/number.js';
import type { FormMessages, TextRef } from './hints.js';

type Issue = z.core.$ZodIssue;

/** A message to show: a `ui.form.issue.*` key with parameters, a text reference of the form's messages, or a raw text. */
export type IssueText = { key: string; params?: Record<string, string> } | { ref: TextRef } | { text: string };

const bound = (value: number | bigint, locale: string) => formatNumber(Number(value), locale, { maximumFractionDigits: 6 });
const issueKey = (name: string, params?: Record<string, string>): IssueText => ({ key: `ui.form.issue.${name}`, ...(params ? { params } : {}) });

/**
 * What to tell the user about one zod issue, in their language: the form's `messages` for the contract's own texts
 * first, then by issue code (a missing value is "required"), else zod's text.
 */
export function describeIssue(issue: Issue, options: { locale: string; missing: boolean; messages?: FormMessages }): IssueText {
  const own = options.messages?.[issue.message];
  if (own !== undefined) return { ref: own };
  if (options.missing && (issue.code === 'invalid_type' || issue.code === 'too_small')) return issueKey('required');
  const { locale } = options;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? issueKey('required') : issueKey('minLength', { min: bound(issue.minimum, locale) });
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return issueKey(issue.inclusive ? 'min' : 'above', { min: bound(issue.minimum, locale) });
      return { text: issue.message };
    case 'too_big':
      if (issue.origin === 'string') return issueKey('maxLength', { max: bound(issue.maximum, locale) });
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return issueKey(issue.inclusive ? 'max' : 'below', { max: bound(issue.maximum, locale) });
      return { text: issue.message };
    case 'invalid_type':
      if (issue.expected === 'int') return issueKey('integer');
      if (issue.expected === 'number') return issueKey('notANumber', { example: formatNumber(1.5, locale) });
      return issueKey('type');
    case 'invalid_value':
      return issueKey('option');
    case 'invalid_format':
      if (issue.format === 'date') return issueKey('date');
      return issue.format === 'regex' ? { text: issue.message } : issueKey('format');
    case 'unrecognized_keys':
      return issueKey('unknownFields', { keys: issue.keys.join(', ') });
    default:
      return { text: issue.message };
  }
}

/** A value the user has not given: absent or blank. */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
