import { z } from 'zod';
import { ZEmail } from '../auth.js';
import { listParams, listResult, ZId } from '../list.js';
import { ZSourcedNotice } from '../privacy/sourced-notice.js';
import { ZPersonName } from '../user.js';

export const APPLICATION_SOURCES = [
  'careers_site',
  'referral',
  'sourced',
  'imported',
  'talent_pool',
] as const;
export const ZApplicationSource = z.enum(APPLICATION_SOURCES);
export type TApplicationSource = z.infer<typeof ZApplicationSource>;
export const SOURCE_LABELS: Record<TApplicationSource, string> = {
  careers_site: 'Careers site',
  referral: 'Referral',
  sourced: 'Sourced',
  imported: 'Imported',
  talent_pool: 'Talent pool',
};

/** Phone numbers as people type them; compared by digits only. */
export const ZPhone = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ().-]{5,}$/, 'Enter a phone number like +49 30 1234567');

export const ZProfileLink = z
  .url({ protocol: /^https?$/, message: 'Enter a web address starting with https://' })
  .max(300);

export const ZCandidateCreateInput = z.object({
  name: ZPersonName,
  email: ZEmail,
  phone: ZPhone.nullable().default(null),
  location: z.string().trim().max(120).nullable().default(null),
  links: z.array(ZProfileLink).max(10).default([]),
  source: ZApplicationSource.default('sourced'),
  /** Optionally add the new candidate straight to a job. */
  jobId: ZId.nullable().default(null),
});
export type TCandidateCreateInput = z.input<typeof ZCandidateCreateInput>;

export const ZCandidateUpdateInput = z.object({
  id: ZId,
  name: ZPersonName.optional(),
  email: ZEmail.optional(),
  phone: ZPhone.nullable().optional(),
  location: z.string().trim().max(120).nullable().optional(),
  links: z.array(ZProfileLink).max(10).optional(),
});

export const ZCandidateApplicationSummary = z.object({
  id: ZId,
  jobId: ZId,
  jobTitle: z.string(),
  stageName: z.string(),
  status: z.string(),
  appliedAt: z.iso.datetime(),
});

export const ZDuplicateHint = z.object({
  id: ZId,
  name: z.string(),
  email: z.string(),
  reasons: z.array(z.enum(['same_phone', 'similar_name'])),
});
export type TDuplicateHint = z.infer<typeof ZDuplicateHint>;

export const ZCandidate = z.object({
  id: ZId,
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  location: z.string().nullable(),
  links: z.array(z.string()),
  source: ZApplicationSource,
  createdAt: z.iso.datetime(),
  lastActivityAt: z.iso.datetime(),
  /** Since when the candidate has restricted processing of their data (GDPR Art. 18); null when not restricted. */
  restrictedAt: z.iso.datetime().nullable(),
  /** Added by staff from another source: when they were told where their data came from (Art. 14); null for applicants. */
  sourcedNotice: ZSourcedNotice.nullable(),
  applications: z.array(ZCandidateApplicationSummary),
  possibleDuplicates: z.array(ZDuplicateHint),
});
export type TCandidate = z.infer<typeof ZCandidate>;

export const ZCandidateListItem = ZCandidate.omit({ applications: true, possibleDuplicates: true }).extend({
  applicationCount: z.number().int(),
  hasPossibleDuplicates: z.boolean(),
});
export type TCandidateListItem = z.infer<typeof ZCandidateListItem>;

export const ZCandidateListParams = listParams(
  ['createdAt', 'lastActivityAt', 'name', 'email'] as const,
  z.object({
    q: z.string().trim().max(120).optional(),
    source: ZApplicationSource.optional(),
    createdFrom: z.iso.date().optional(),
    createdTo: z.iso.date().optional(),
    possibleDuplicates: z.boolean().optional(),
    /** Added by staff and not yet told where their data came from (Art. 14). */
    notTold: z.boolean().optional(),
    /** Candidates with activity at or after this time (the REST API's incremental sync). */
    updatedSince: z.iso.datetime({ offset: true }).optional(),
  }),
);
export type TCandidateListParams = z.input<typeof ZCandidateListParams>;
export const ZCandidateListResult = listResult(ZCandidateListItem);

/** Merge `mergeId` into `keepId`: applications and notes move, the merged record is erased. */
export const ZCandidateMergeInput = z
  .object({ keepId: ZId, mergeId: ZId })
  .refine((m) => m.keepId !== m.mergeId, { message: 'Pick two different candidates', path: ['mergeId'] });

/**
 * Restrict processing of a candidate's data (a request received by phone or
 * letter), or lift the restriction; both email the candidate.
 */
export const ZCandidateRestrictionInput = z.strictObject({ id: ZId });
export type TCandidateRestrictionInput = z.infer<typeof ZCandidateRestrictionInput>;
