import { listAudit, verifyAudit } from '@co2/contracts';
import type { createListAudit, createVerifyAudit } from '../../domain/audit/list-audit.js';
import { route } from '../route.js';

export const auditRoutes = (uc: { listAudit: ReturnType<typeof createListAudit>; verifyAudit: ReturnType<typeof createVerifyAudit> }) => [
  route(verifyAudit, async () => uc.verifyAudit()),
  route(listAudit, async ({ query }) => uc.listAudit(query)),
];
