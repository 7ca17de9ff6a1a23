import { z } from 'zod';
import { listParams, listResult } from './list.js';

export const ZAuditEvent = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  actorId: z.uuid().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditListParams = listParams(
  ['at'] as const,
  z.object({ action: z.string().max(80).optional(), targetType: z.string().max(80).optional() }),
);
export const ZAuditListResult = listResult(ZAuditEvent);
