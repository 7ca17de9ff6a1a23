import { z } from 'zod';
import { listParams, listResult, ZId } from './list.js';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export const ZOutboxStatus = z.enum(OUTBOX_STATUSES);

/** A message in the durable outbox, as the backoffice's "Mail outbox" shows it. */
export const ZOutboxEmail = z.object({
  id: ZId,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  template: z.string(),
  status: ZOutboxStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type TOutboxEmail = z.infer<typeof ZOutboxEmail>;

export const ZOutboxListItem = ZOutboxEmail.omit({ text: true });

export const ZOutboxListParams = listParams(
  ['createdAt', 'nextAttemptAt', 'status'] as const,
  z.object({
    q: z.string().trim().max(120).optional(),
    status: ZOutboxStatus.optional(),
    template: z.string().max(60).optional(),
  }),
);
export const ZOutboxListResult = listResult(ZOutboxListItem);
