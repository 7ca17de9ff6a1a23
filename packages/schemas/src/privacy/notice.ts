import { z } from 'zod';
import { ZNoticeTranslations } from '../careers/languages.js';
import { ZUserRef } from '../hiring/job.js';
import { ZId } from '../list.js';
import { DEFAULT_RETENTION_POLICY, periodLabel, type TRetentionPolicy, talentPoolTerm } from './retention.js';

export const NOTICE_STATUSES = ['draft', 'published'] as const;
export const ZNoticeStatus = z.enum(NOTICE_STATUSES);

export const ZNoticeBody = z
  .string()
  .trim()
  .min(1, 'Write the notice')
  .max(50_000, 'Keep the notice under 50,000 characters');

/** The one draft a tenant edits before publishing it as the next version. */
export const ZNoticeDraftInput = z.object({
  bodyMd: ZNoticeBody,
  /** The same notice in the careers site's other languages; left out, the saved ones stay. */
  translations: ZNoticeTranslations.optional(),
});

/** A calendar day, YYYY-MM-DD. */
export const ZDay = z.iso.date('Use a date like 2026-12-01');

/**
 * Publishing freezes the draft as the next version. A material change (new
 * purposes, new recipients, longer retention) is flagged so applicants see it
 * highlighted in the archive; it needs a summary of what changed.
 */
export const ZNoticePublishInput = z
  .object({
    effectiveOn: ZDay,
    materialChange: z.boolean(),
    changeSummary: z.string().trim().max(500).default(''),
    /** Email the change to every candidate whose data is still held (a material change only), in batches. */
    emailCandidates: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    if (input.materialChange && input.changeSummary.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['changeSummary'],
        message: 'Say what changed: applicants are told',
      });
    }
    if (input.emailCandidates && !input.materialChange) {
      ctx.addIssue({
        code: 'custom',
        path: ['emailCandidates'],
        message: 'Only a material change is emailed to candidates',
      });
    }
  });
export type TNoticePublishInput = z.input<typeof ZNoticePublishInput>;

export const NOTICE_MAILING_STATES = ['sending', 'done'] as const;

/** Progress of emailing a material change to the candidates whose data is held when it is published. */
export const ZNoticeMailing = z.object({
  state: z.enum(NOTICE_MAILING_STATES),
  /** Candidates whose data was held at publication (erased ones excluded). */
  total: z.number().int().nonnegative(),
  /** Emails queued so far. */
  queued: z.number().int().nonnegative(),
  /** Candidates not emailed because they restricted processing (Art. 18: no use of the address). */
  skipped: z.number().int().nonnegative(),
  finishedAt: z.iso.datetime().nullable(),
});
export type TNoticeMailing = z.infer<typeof ZNoticeMailing>;

export const ZPrivacyNotice = z.object({
  id: ZId,
  status: ZNoticeStatus,
  /** 1, 2, 3 ... once published; null for the draft. */
  version: z.number().int().positive().nullable(),
  bodyMd: z.string(),
  effectiveOn: z.string().nullable(),
  materialChange: z.boolean(),
  changeSummary: z.string(),
  publishedAt: z.iso.datetime().nullable(),
  publishedBy: ZUserRef.nullable(),
  updatedAt: z.iso.datetime(),
  /** Emailing the change to candidates, batch by batch; null when the version was not emailed. */
  mailing: ZNoticeMailing.nullable(),
  /** The text in the careers site's other languages. */
  translations: ZNoticeTranslations,
});
export type TPrivacyNotice = z.infer<typeof ZPrivacyNotice>;

/** A published version as the careers site shows it. */
export const ZCareersNotice = ZPrivacyNotice.pick({
  bodyMd: true,
  materialChange: true,
  changeSummary: true,
}).extend({
  version: z.number().int().positive(),
  effectiveOn: z.string(),
});
export type TCareersNotice = z.infer<typeof ZCareersNotice>;

/** The notice's "how long" paragraph, in the words of the retention policy it was written under. */
function retentionParagraph(policy: TRetentionPolicy): string {
  const decided = policy.rules.find((r) => r.trigger === 'application_decided' && r.enabled);
  const pool = talentPoolTerm(policy, null);
  return [
    decided
      ? `Applications that do not lead to a hire are anonymized ${periodLabel(decided.period)} after the decision.`
      : '',
    pool
      ? `If you join the talent pool we keep your profile for ${periodLabel(pool.period)}${pool.noticeDays > 0 ? ', and ask you before that ends' : ''}.`
      : 'If you join the talent pool we keep your profile until you withdraw your consent.',
    policy.overrides.length > 0 ? "Some periods differ with the job's country." : '',
    'The privacy page of our careers site lists every period in force.',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The first notice a tenant gets, to edit before or after publishing; its periods are the policy's (the defaults unless given). */
export function defaultNoticeMd(
  company: string,
  policy: TRetentionPolicy = DEFAULT_RETENTION_POLICY,
): string {
  return `# How ${company} handles your application

${company} ("we") is the controller of the personal data you give us when you apply. We use Candor to run our hiring.

## What we collect
Your name, contact details, profile links, resume, cover letter and your answers to the questions of the job, and our notes and evaluations during the hiring process.

## Why, and on which legal basis
- **To assess your application** for the job you applied to: steps taken at your request before entering into a contract (Art. 6(1)(b) GDPR).
- **Talent pool, news and other optional purposes**: only with your consent (Art. 6(1)(a) GDPR), which you can withdraw at any time, as easily as you gave it.

## Who sees it
The recruiters and the hiring team of the job. Candor hosts the data for us as our processor. We do not sell your data.

## How long we keep it
${retentionParagraph(policy)}

## Your rights
You may see, download, correct or erase your data, restrict or object to its processing, and withdraw consent, through the privacy portal linked at the bottom of every page and every email we send. You may also complain to your data protection authority.
`;
}

/** Today as YYYY-MM-DD in UTC, the unit notices take effect in. */
export function dayOf(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The version in effect on a day: the newest published one whose effective date has come. */
export function noticeInEffect(
  notices: readonly TCareersNotice[],
  day: string = dayOf(),
): TCareersNotice | null {
  return notices.filter((n) => n.effectiveOn <= day).sort((a, b) => b.version - a.version)[0] ?? null;
}
