import { ZAuditListParams, ZAuditListResult } from '@candor/schemas';
import { roleProcedure, router } from '../trpc/init.js';
import { listAuditEvents } from './audit.service.js';

export const auditRouter = router({
  list: roleProcedure('audit.read')
    .input(ZAuditListParams)
    .output(ZAuditListResult)
    .query(({ ctx, input }) => listAuditEvents(ctx.em, ctx.actor, input)),
});
