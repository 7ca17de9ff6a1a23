import { z } from 'zod';
import { ZId } from '../list.js';
import { ZUserRef } from './job.js';

export const ZInterviewScheduleInput = z
  .object({
    applicationId: ZId,
    title: z.string().trim().min(1).max(80).default('Interview'),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    interviewerIds: z.array(ZId).min(1, 'Pick at least one interviewer').max(10),
    location: z.string().trim().max(200).nullable().default(null),
    videoUrl: z
      .url({ protocol: /^https$/, message: 'Use an https:// meeting link' })
      .max(500)
      .nullable()
      .default(null),
  })
  .superRefine((i, ctx) => {
    if (new Date(i.endsAt) <= new Date(i.startsAt)) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The interview must end after it starts' });
    }
    if (!i.location && !i.videoUrl) {
      ctx.addIssue({ code: 'custom', path: ['location'], message: 'Give a location or a video link' });
    }
  });
export type TInterviewScheduleInput = z.input<typeof ZInterviewScheduleInput>;

/** A new time and place for a scheduled interview; its people and title stay. */
export const ZInterviewRescheduleInput = z
  .object({
    id: ZId,
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    location: z.string().trim().max(200).nullable().default(null),
    videoUrl: z
      .url({ protocol: /^https$/, message: 'Use an https:// meeting link' })
      .max(500)
      .nullable()
      .default(null),
  })
  .superRefine((i, ctx) => {
    if (new Date(i.endsAt) <= new Date(i.startsAt)) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The interview must end after it starts' });
    }
    if (!i.location && !i.videoUrl) {
      ctx.addIssue({ code: 'custom', path: ['location'], message: 'Give a location or a video link' });
    }
  });
export type TInterviewRescheduleInput = z.input<typeof ZInterviewRescheduleInput>;

export const RECOMMENDATIONS = ['strong_no', 'no', 'yes', 'strong_yes'] as const;
export const ZRecommendation = z.enum(RECOMMENDATIONS);
export type TRecommendation = z.infer<typeof ZRecommendation>;
export const RECOMMENDATION_LABELS: Record<TRecommendation, string> = {
  strong_no: 'Strong no',
  no: 'No',
  yes: 'Yes',
  strong_yes: 'Strong yes',
};

export const ZInterview = z.object({
  id: ZId,
  applicationId: ZId,
  title: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  interviewers: z.array(ZUserRef.extend({ submitted: z.boolean() })),
  location: z.string().nullable(),
  videoUrl: z.string().nullable(),
  status: z.enum(['scheduled', 'cancelled']),
});
export type TInterview = z.infer<typeof ZInterview>;

export const ZScorecardInput = z.object({
  interviewId: ZId,
  ratings: z
    .array(z.object({ criterionId: z.string().min(1).max(40), rating: z.number().int().min(1).max(4) }))
    .max(20),
  recommendation: ZRecommendation,
  notes: z.string().trim().max(10_000).default(''),
});
export type TScorecardInput = z.input<typeof ZScorecardInput>;

export const ZScorecard = z.object({
  id: ZId,
  interviewId: ZId,
  author: ZUserRef,
  ratings: z.array(z.object({ criterionId: z.string(), name: z.string(), rating: z.number().int() })),
  recommendation: ZRecommendation,
  notes: z.string(),
  submittedAt: z.iso.datetime(),
});
export type TScorecard = z.infer<typeof ZScorecard>;

/**
 * Feedback on one application. Until the viewer has submitted their own
 * scorecard (recruiters and admins excepted) `scorecards` is empty and only
 * the number submitted is shown, so nobody is swayed by others' opinions.
 */
export const ZScorecardSummary = z.object({
  submitted: z.number().int(),
  visible: z.boolean(),
  recommendations: z.record(ZRecommendation, z.number().int()),
  criteria: z.array(z.object({ criterionId: z.string(), name: z.string(), average: z.number().nullable() })),
  scorecards: z.array(ZScorecard),
});
export type TScorecardSummary = z.infer<typeof ZScorecardSummary>;

export const ZApplicationIdInput = z.object({ applicationId: ZId });
