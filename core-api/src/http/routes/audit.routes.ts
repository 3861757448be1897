import { listAudit } from '@co2/contracts';
import type { createListAudit } from '../../domain/audit/list-audit.js';
import { route } from '../route.js';

export const auditRoutes = (uc: { listAudit: ReturnType<typeof createListAudit> }) => [route(listAudit, async ({ query }) => uc.listAudit(query))];
