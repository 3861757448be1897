import { describe, expect, it } from 'vitest';
import { reportIssueRows } from '@co2/contracts';
import UiIssueTable from '../src/jobs/UiIssueTable.vue';
import UiProgressBar from '../src/jobs/UiProgressBar.vue';
import { mountUi } from './support.js';

describe('UiProgressBar', () => {
  it('shows the step and percent, and announces only every tenth percent', () => {
    const { wrapper } = mountUi(UiProgressBar, { props: { percent: 47, label: 'Reading rows', detail: '470 rows read', testid: 'import-job-progress' } });
    const bar = wrapper.get('[data-testid="import-job-progress-bar"]');
    expect(bar.attributes('role')).toBe('progressbar');
    expect(bar.attributes('aria-valuenow')).toBe('0.47');
    expect(bar.attributes('aria-valuetext')).toBe('47%');
    expect(wrapper.get('[data-testid="import-job-progress-text"]').text()).toBe('Reading rows — 47% · 470 rows read');
    expect(wrapper.get('[data-testid="import-job-progress-live"]').text()).toBe('Reading rows 40%');
  });

  it('is indeterminate while the total is unknown', () => {
    const { wrapper } = mountUi(UiProgressBar, { props: { percent: null, label: 'Uploading' } });
    expect(wrapper.get('[data-testid="ui-progress-bar"]').attributes('aria-valuetext')).toBe('Uploading');
    expect(wrapper.get('[data-testid="ui-progress-text"]').text()).toBe('Uploading');
  });
});

describe('UiIssueTable', () => {
  it('lists one line per problem with localized headers', () => {
    const rows = reportIssueRows([{ line: 3, issues: [{ column: 'fte', message: 'must be ≤ 1' }, { message: 'duplicate' }] }, { line: 9, issues: [] }]);
    const { wrapper } = mountUi(UiIssueTable, { props: { caption: 'Rejected rows (2)', rows, testid: 'import-rejected' }, locale: 'de' });
    expect(wrapper.attributes('data-testid')).toBe('import-rejected');
    expect(wrapper.get('caption').text()).toBe('Rejected rows (2)');
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Zeile', 'Spalte', 'Problem']);
    expect(wrapper.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))).toEqual([
      ['3', 'fte', 'must be ≤ 1'],
      ['3', '—', 'duplicate'],
      ['9', '—', ''],
    ]);
  });
});
