import { describe, expect, it } from 'vitest';
import { camel, completionPercent, dashboardPath, largestModule, reportingFilters, reportingSearch } from '../src/features/reporting/reporting-view.js';

const none = { unit: null, status: null, module: null, moduleStatus: null, q: null };

describe('reporting view', () => {
  it('sends a module status only with its module, and unknown statuses not at all', () => {
    expect(reportingFilters({ ...none, moduleStatus: 'validated' }, 2025).toString()).toBe('year=2025');
    expect(reportingFilters({ ...none, module: 'purchases', moduleStatus: 'in_progress', status: 'done', q: 'carbon', unit: 'ENV' }, 2025).toString()).toBe('year=2025&unit=ENV&module=purchases&moduleStatus=in_progress&q=carbon');
    expect(reportingSearch({ page: 2, pageSize: 25, filters: none }, 2024).toString()).toBe('year=2024&page=2&pageSize=25');
  });

  it('finds the largest module, the completion and the dashboard address of a lab', () => {
    expect(largestModule({ modules: [{ module: 'buildings', status: 'validated', tonnesCo2eq: 3 }, { module: 'purchases', status: 'in_progress', tonnesCo2eq: 7 }] })).toEqual({ module: 'purchases', tonnes: 7 });
    expect(largestModule({ modules: [{ module: 'buildings', status: 'not_started', tonnesCo2eq: 0 }] })).toBeNull();
    expect(completionPercent({ labs: 3, validatedLabs: 1 })).toBe(33);
    expect(completionPercent({ labs: 0, validatedLabs: 0 })).toBeNull();
    expect(dashboardPath('LAB-ICE', 2025)).toBe('/dashboard?unit=LAB-ICE&year=2025');
    expect(['in_progress', 'not_started', 'external-cloud-ai'].map(camel)).toEqual(['inProgress', 'notStarted', 'externalCloudAi']);
  });
});
