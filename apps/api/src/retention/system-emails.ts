import { type Orm, OutboxEmail, TENANT_FILTER, type TOutboxStatus } from '@candor/db';

/**
 * Emails that belong to no tenant are the privacy portal's sign-in codes,
 * sent before anyone is known to be whose subject. Their code is dead within
 * the hour; the copy is kept a week for delivery questions, then deleted
 * (no tenant's policy governs them).
 */
export const SYSTEM_EMAIL_DAYS = 7;

/** Deletes (or, dry, counts) sent tenant-less emails older than SYSTEM_EMAIL_DAYS; returns how many. */
export async function sweepSystemEmails(orm: Orm, now: Date, dryRun: boolean): Promise<number> {
  const em = orm.em.fork();
  const cutoff = new Date(now.getTime() - SYSTEM_EMAIL_DAYS * 86_400_000);
  const where = {
    tenant: null,
    status: { $in: ['sent', 'failed'] as TOutboxStatus[] },
    $or: [{ sentAt: { $lt: cutoff } }, { sentAt: null, createdAt: { $lt: cutoff } }],
  };
  const options = { filters: { [TENANT_FILTER]: false } };
  return dryRun ? em.count(OutboxEmail, where, options) : em.nativeDelete(OutboxEmail, where, options);
}
