import { dataFormat } from './data-format.js';

/** External cloud: spend per service type and provider. */
export const externalCloud = dataFormat({
  id: 'external-cloud',
  description: 'External cloud: spend per service type (compute, storage, virtualisation) and provider',
  targets: ['external-cloud-ai/cloud'],
  columns: [
    { name: 'service_type', required: true },
    { name: 'provider', required: true },
    { name: 'spent_amount', kind: 'number', required: true },
    { name: 'currency' },
  ],
  example: { service_type: 'compute', provider: 'AWS', spent_amount: '6192', currency: 'eur' },
});

/** External AI: requests per user per day (bands) for a number of FTE. */
export const externalAi = dataFormat({
  id: 'external-ai',
  description: 'External AI: provider, usage type, requests per user per day (1_5, 5_20, 20_100, gt_100), FTE',
  targets: ['external-cloud-ai/ai'],
  columns: [
    { name: 'provider', required: true },
    { name: 'usage_type', required: true },
    { name: 'requests_per_user_per_day', required: true },
    { name: 'fte_count', kind: 'number', required: true },
  ],
  example: { provider: 'Claude (Anthropic)', usage_type: 'text', requests_per_user_per_day: '5_20', fte_count: '3' },
});
