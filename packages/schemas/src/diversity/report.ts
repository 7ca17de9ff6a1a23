import { z } from 'zod';
import { checkJobScope, JOB_SCOPE_FIELDS } from '../job-scope.js';
import { ZDiversityQuestionId } from './survey.js';

/** The pipeline stages a report counts, each a subset of the one before. */
export const REPORT_STAGES = ['applied', 'interviewed', 'offered', 'hired'] as const;
export type TReportStage = (typeof REPORT_STAGES)[number];

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2026-06');

/** Longest range a report may cover, in months. */
export const REPORT_MAX_MONTHS = 36;

function monthIndex(month: string): number {
  const [year, m] = month.split('-').map(Number);
  return (year ?? 0) * 12 + (m ?? 1) - 1;
}

/**
 * One report: one question, a scope (a job, a department or everything)
 * and a range of whole months by application date. Whole months on purpose:
 * periods that differ by a day would let two reports be subtracted.
 */
export const ZDiversityReportInput = z
  .strictObject({
    question: ZDiversityQuestionId,
    ...JOB_SCOPE_FIELDS,
    from: ZMonth,
    to: ZMonth,
  })
  .superRefine((input, ctx) => {
    checkJobScope(input, ctx);
    const months = monthIndex(input.to) - monthIndex(input.from) + 1;
    if (months < 1)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The range ends before it starts' });
    else if (months > REPORT_MAX_MONTHS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${REPORT_MAX_MONTHS} months` });
  });
export type TDiversityReportInput = z.infer<typeof ZDiversityReportInput>;

/** The months of a range, as YYYY-MM. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++)
    out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

/** A suppressed report: null wherever a count (or a rate built from one) is hidden. */
export const ZDiversityReport = z.object({
  question: ZDiversityQuestionId,
  questionLabel: z.string(),
  scopeLabel: z.string(),
  from: z.string(),
  to: z.string(),
  k: z.number().int(),
  stages: z.array(z.enum(REPORT_STAGES)),
  rows: z.array(
    z.object({
      option: z.string(),
      label: z.string(),
      counts: z.array(z.number().int().nullable()),
      /** From each stage to the next: the share that moved on (0 to 1). */
      rates: z.array(z.number().nullable()),
    }),
  ),
  totals: z.array(z.number().int().nullable()),
  hiddenCells: z.number().int(),
});
export type TDiversityReport = z.infer<typeof ZDiversityReport>;
