import { roleProcedure, router } from '../trpc/init.js';
import {
  ZAuditExportInput,
  ZAuditExportResult,
  ZAuditLogParams,
  ZAuditLogResult,
  ZAuditVerifyResult,
} from './audit.schemas.js';
import { exportAuditEvents, listAuditEvents, verifyTenantAuditLog } from './audit.service.js';

export const auditRouter = router({
  list: roleProcedure('audit.read')
    .input(ZAuditLogParams)
    .output(ZAuditLogResult)
    .query(({ ctx, input }) => listAuditEvents(ctx.em, ctx.actor, input)),

  /** Recomputes the hash chain of the caller's tenant and reports the first broken link. */
  verify: roleProcedure('audit.read')
    .output(ZAuditVerifyResult)
    .query(({ ctx }) => verifyTenantAuditLog(ctx.em, ctx.actor)),

  /** The filtered events as CSV: ids, pseudonyms and hashes, no names. */
  export: roleProcedure('audit.read')
    .input(ZAuditExportInput)
    .output(ZAuditExportResult)
    .query(({ ctx, input }) => exportAuditEvents(ctx.em, ctx.actor, input.filter)),
});
