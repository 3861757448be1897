import { describe, expect, it } from 'vitest';
import type { MessageTree } from '@co2/shell-sdk';
import { uiMessages, withUiMessages } from '../src/i18n/index.js';

const keys = (tree: MessageTree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`))).sort();

describe('uiMessages', () => {
  it('has the same keys in EN, FR and DE, all under `ui`', () => {
    expect(Object.keys(uiMessages.en)).toEqual(['ui']);
    expect(keys(uiMessages.fr)).toEqual(keys(uiMessages.en));
    expect(keys(uiMessages.de)).toEqual(keys(uiMessages.en));
  });

  it('withUiMessages merges the kit texts into a remote’s, the remote’s own ui keys winning', () => {
    const merged = withUiMessages({
      en: { title: 'Trips', ui: { loading: 'Loading trips…' } },
      fr: { title: 'Voyages' },
      de: { title: 'Reisen' },
    });
    expect(merged.en.title).toBe('Trips');
    expect(merged.en.ui.loading).toBe('Loading trips…');
    expect(merged.en.ui.retry).toBe('Try again');
    expect(merged.fr.ui.loading).toBe('Chargement…');
    expect(keys(merged.de)).toEqual(['title', ...keys(uiMessages.de)].sort());
  });
});
