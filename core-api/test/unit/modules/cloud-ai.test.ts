import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/domain/modules/index.js';
import { compute, context, factor } from '../../support/engine.js';

const ai = (provider: string, extra: Record<string, unknown> = {}) => ({
  provider, usage_type: 'text', requests_per_user_per_day: '1_5', fte_count: 0.8, ...extra,
});

describe('external AI', () => {
  it('corrected: one emission row per entry, for the entry’s provider (the reference writes six identical rows)', () => {
    const f = factor('external-cloud-ai/ai', { provider: 'Claude (Anthropic)', usage_type: 'text' }, { ef_kg_co2eq_per_request: 0.002 }, { unit: 'kg CO2-eq/request' });
    const result = compute('external-cloud-ai/ai', ai('Claude (Anthropic)'), [f]);
    expect(result.emissions).toHaveLength(1);
    expect(result.emissions[0]).toMatchObject({ emissionType: 'external__ai__provider_anthropic', scope: 3 });
    expect(result.emissions[0]?.kgCo2eq).toBeCloseTo(3 * 230 * 0.8 * 0.002, 12);
  });

  it('when the factor is in grams per request, then the result is divided by 1000 as the reference code does', () => {
    const f = factor('external-cloud-ai/ai', { provider: 'Other', usage_type: 'image' }, { ef_kg_co2eq_per_request: 2 }, { unit: 'g CO2-eq/request' });
    const [row] = compute('external-cloud-ai/ai', ai('Other', { usage_type: 'image', requests_per_user_per_day: 'gt_100' }), [f]).emissions;
    expect(row).toMatchObject({ emissionType: 'external__ai__provider_others', formula: expect.stringContaining('/ 1000') });
    expect(row?.kgCo2eq).toBeCloseTo((100 * 230 * 0.8 * 2) / 1000, 12);
  });

  it('working days per year come from the settings (5 × 46 by default, shown in the inputs)', () => {
    expect(DEFAULT_SETTINGS.workingDaysPerYear).toBe(230);
    const f = factor('external-cloud-ai/ai', { provider: 'ChatGPT (OpenAI)', usage_type: 'code' }, { ef_kg_co2eq_per_request: 1 });
    const ctx = { ...context(), settings: { workingDaysPerYear: 235 } };
    const [row] = compute('external-cloud-ai/ai', ai('ChatGPT (OpenAI)', { usage_type: 'code', requests_per_user_per_day: '5_20', fte_count: 1 }), [f], ctx).emissions;
    expect(row).toMatchObject({ emissionType: 'external__ai__provider_openai', kgCo2eq: 12.5 * 235, inputs: { working_days_per_year: 235 } });
  });

  it('rejects frequencies outside the bands and FTE below 0.1', () => {
    expect(compute('external-cloud-ai/ai', ai('Other', { requests_per_user_per_day: '3' }), [])).toMatchObject({ reason: 'invalid_data' });
    expect(compute('external-cloud-ai/ai', ai('Other', { fte_count: 0.05 }), [])).toMatchObject({ reason: 'invalid_data' });
  });
});
