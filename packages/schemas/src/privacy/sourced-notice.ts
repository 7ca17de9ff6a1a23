import { z } from 'zod';
import { ZId } from '../list.js';

/**
 * GDPR Art. 14: a person whose data Candor got from someone else (found by a
 * recruiter, recommended, imported) is told what is held, where it came from
 * and how to use their rights, within a month and at the latest at first
 * contact. Applicants on the careers site read the notice as they apply
 * (Art. 13) and need no such email.
 */
export const SOURCES_NEEDING_NOTICE = ['sourced', 'referral', 'imported'] as const;

export function needsSourcedNotice(source: string): boolean {
  return (SOURCES_NEEDING_NOTICE as readonly string[]).includes(source);
}

/** When a tenant's notices go out: as soon as staff add the person, or by hand from the queue (Candor sends it on the last day if nobody did). */
export const SOURCED_NOTICE_MODES = ['when_added', 'by_hand'] as const;
export const ZSourcedNoticeMode = z.enum(SOURCED_NOTICE_MODES);
export type TSourcedNoticeMode = z.infer<typeof ZSourcedNoticeMode>;

/** The last day to tell them (Art. 14(3)(a): "at the latest within one month"): the same day of the next month, or its last day. */
export function sourcedNoticeDueOn(addedAt: Date): string {
  const year = addedAt.getUTCFullYear();
  const month = addedAt.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(addedAt.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/** On a candidate added by staff: whether and when they were told, and by when they must be. */
export const ZSourcedNotice = z.object({
  sentAt: z.iso.datetime().nullable(),
  dueOn: z.iso.date(),
});
export type TSourcedNotice = z.infer<typeof ZSourcedNotice>;

export const ZSourcedNoticeSendInput = z.strictObject({
  ids: z.array(ZId).min(1, 'Pick at least one candidate').max(100, 'At most 100 at a time'),
});
export type TSourcedNoticeSendInput = z.infer<typeof ZSourcedNoticeSendInput>;

export const ZSourcedNoticeSendResult = z.object({
  sent: z.number().int(),
  /** Already told, added through the careers site, restricted or erased. */
  skipped: z.number().int(),
});
export type TSourcedNoticeSendResult = z.infer<typeof ZSourcedNoticeSendResult>;
