import { z } from 'zod';

export const ZLegalHoldPlaceInput = z.object({
  candidateId: z.uuid(),
  /** Hold only one application (the candidate's other data may go); absent: everything about the candidate. */
  applicationId: z.uuid().nullable().default(null),
  reason: z
    .string()
    .trim()
    .min(5, 'Give the legal reason, e.g. "Claim before the labour court, file 4 Ca 123/26"')
    .max(500),
  endsOn: z.iso.date('Use a date like 2027-06-30').nullable().default(null),
});

export const ZLegalHold = z.object({
  id: z.uuid(),
  candidateId: z.string(),
  applicationId: z.string().nullable(),
  reason: z.string(),
  endsOn: z.string().nullable(),
  placedBy: z.string().nullable(),
  placedAt: z.iso.datetime(),
  releasedAt: z.iso.datetime().nullable(),
  active: z.boolean(),
});
export type TLegalHold = z.infer<typeof ZLegalHold>;

/** A hold is in force until released or until the day after its end date. */
export function holdActive(
  hold: { releasedAt: Date | string | null; endsOn: string | null },
  today: string,
): boolean {
  return hold.releasedAt === null && (hold.endsOn === null || hold.endsOn >= today);
}
