import { z } from 'zod';
import { DEFAULT_OFFER_TERMS } from './offer-terms.js';

/** What a pipeline stage means, whatever the tenant calls it. */
export const STAGE_KINDS = ['applied', 'screening', 'interview', 'offer', 'hired', 'rejected'] as const;
export const ZStageKind = z.enum(STAGE_KINDS);
export type TStageKind = z.infer<typeof ZStageKind>;

export const STAGE_KIND_LABELS: Record<TStageKind, string> = {
  applied: 'Applied',
  screening: 'Screening',
  interview: 'Interview',
  offer: 'Offer',
  hired: 'Hired',
  rejected: 'Rejected',
};

export const ZStageName = z.string().trim().min(1, 'Name the stage').max(60);

export const ZStageTemplate = z.object({ name: ZStageName, kind: ZStageKind });
export type TStageTemplate = z.infer<typeof ZStageTemplate>;

/**
 * A pipeline needs exactly one entry stage (applied), one hired and one
 * rejected stage: applications start in the first, and the hire and reject
 * actions move them to the others.
 */
export function pipelineProblems(stages: ReadonlyArray<{ kind: TStageKind }>): string | undefined {
  for (const kind of ['applied', 'hired', 'rejected'] as const) {
    const count = stages.filter((s) => s.kind === kind).length;
    if (count !== 1) return `A pipeline needs exactly one "${STAGE_KIND_LABELS[kind]}" stage`;
  }
  if (stages[0]?.kind !== 'applied') return 'The first stage must be the "Applied" stage';
  return undefined;
}

export const ZPipelineTemplate = z
  .array(ZStageTemplate)
  .min(3)
  .max(20)
  .superRefine((stages, ctx) => {
    const problem = pipelineProblems(stages);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const ZRejectionReason = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,40}$/),
  label: z.string().trim().min(1).max(80),
});
export type TRejectionReason = z.infer<typeof ZRejectionReason>;

export const ZDepartmentName = z.string().trim().min(1).max(80);

/** Hiring settings of one tenant, edited by its admins in the backoffice. */
export const ZHiringSettings = z.object({
  pipelineTemplate: ZPipelineTemplate,
  rejectionReasons: z.array(ZRejectionReason).min(1).max(50),
  departments: z.array(ZDepartmentName).max(100),
  /** When on, every job must state its salary range before it opens. */
  payTransparency: z.boolean(),
  /** The offer letter's wording, with {{variables}}. */
  offerTerms: z.string().trim().min(1).max(20_000).default(DEFAULT_OFFER_TERMS),
  /**
   * Hiring managers read all the feedback on their jobs' applications once
   * the first scorecard is in, even where they did not interview.
   */
  managersSeeTeamFeedback: z.boolean().default(false),
  /** Hiring managers may move and reject applications on jobs whose hiring team they are on. */
  managersMayDecide: z.boolean().default(false),
});
export type THiringSettings = z.output<typeof ZHiringSettings>;

export const DEFAULT_HIRING_SETTINGS: THiringSettings = {
  pipelineTemplate: [
    { name: 'Applied', kind: 'applied' },
    { name: 'Phone screen', kind: 'screening' },
    { name: 'Interview', kind: 'interview' },
    { name: 'Final interview', kind: 'interview' },
    { name: 'Offer', kind: 'offer' },
    { name: 'Hired', kind: 'hired' },
    { name: 'Rejected', kind: 'rejected' },
  ],
  rejectionReasons: [
    { id: 'experience', label: 'Not enough relevant experience' },
    { id: 'skills', label: 'Skills do not match the role' },
    { id: 'position_filled', label: 'Position filled' },
    { id: 'location', label: 'Location or work permit' },
    { id: 'compensation', label: 'Compensation expectations' },
    { id: 'other', label: 'Other' },
  ],
  departments: ['Engineering', 'Operations', 'Sales', 'People'],
  payTransparency: false,
  offerTerms: DEFAULT_OFFER_TERMS,
  managersSeeTeamFeedback: false,
  managersMayDecide: false,
};

/** Days without activity after which an application counts as stuck in a stage that sets no target of its own. */
export const DEFAULT_STAGE_TARGET_DAYS = 7;
export const ZStageTargetDays = z.number().int().min(1, 'At least 1 day').max(365, 'At most 365 days');
