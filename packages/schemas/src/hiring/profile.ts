import { z } from 'zod';
import { ZId } from '../list.js';
import { SALARY_PERIODS, ZCountryCode } from './job.js';

/**
 * The structured profile of a candidate: education, work history, right to
 * work per country and salary expectation. Each section is personal data of
 * its own category (see CandidateProfile in @candor/db), exported, erased and
 * correctable like every other value about the person.
 */

/** A month as people write it on a CV (`2019-09`); a day is more than anyone needs. */
export const ZProfileMonth = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use the form YYYY-MM, e.g. 2019-09');

const text = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters`).default('');

export const ZEducationEntry = z.object({
  institution: text(200),
  degree: optionalText(200),
  field: optionalText(200),
  startDate: ZProfileMonth.nullable().default(null),
  endDate: ZProfileMonth.nullable().default(null),
});
export type TEducationEntry = z.infer<typeof ZEducationEntry>;

export const ZWorkEntry = z.object({
  employer: text(200),
  title: optionalText(200),
  startDate: ZProfileMonth.nullable().default(null),
  endDate: ZProfileMonth.nullable().default(null),
  summary: optionalText(2000),
});
export type TWorkEntry = z.infer<typeof ZWorkEntry>;

export const RIGHT_TO_WORK_STATUSES = ['yes', 'needs_sponsorship', 'not_stated'] as const;
export const ZRightToWorkStatus = z.enum(RIGHT_TO_WORK_STATUSES);
export type TRightToWorkStatus = z.infer<typeof ZRightToWorkStatus>;
export const RIGHT_TO_WORK_LABELS: Record<TRightToWorkStatus, string> = {
  yes: 'Yes',
  needs_sponsorship: 'Needs sponsorship',
  not_stated: 'Not stated',
};

export const ZRightToWorkEntry = z.object({ country: ZCountryCode, status: ZRightToWorkStatus });
export type TRightToWorkEntry = z.infer<typeof ZRightToWorkEntry>;

export const ZSalaryPeriod = z.enum(SALARY_PERIODS);
export type TSalaryPeriod = z.infer<typeof ZSalaryPeriod>;
export const SALARY_PERIOD_LABELS: Record<TSalaryPeriod, string> = {
  year: 'per year',
  month: 'per month',
  hour: 'per hour',
};

/** ISO 4217, uppercased. */
export const ZCurrencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'Use the three-letter currency code, e.g. EUR')
  .transform((c) => c.toUpperCase());

export const ZSalaryExpectation = z.object({
  amount: z
    .number('Enter an amount')
    .int('Whole amounts only')
    .min(0, 'Not below 0')
    .max(100_000_000, 'Too large'),
  currency: ZCurrencyCode,
  period: ZSalaryPeriod,
});
export type TSalaryExpectation = z.infer<typeof ZSalaryExpectation>;

/** Each section on its own (the apply form checks the ones a job asks for with these). */
export const PROFILE_SECTION_SCHEMAS = {
  education: z.array(ZEducationEntry).max(20),
  workHistory: z.array(ZWorkEntry).max(30),
  rightToWork: z
    .array(ZRightToWorkEntry)
    .max(20)
    .refine((rows) => new Set(rows.map((r) => r.country)).size === rows.length, {
      message: 'Each country once',
    }),
  salaryExpectation: ZSalaryExpectation.nullable(),
};

/** The whole profile replaces the stored one: what is left out is gone, with no copy kept. */
export const ZCandidateProfileUpdateInput = z.object({ candidateId: ZId, ...PROFILE_SECTION_SCHEMAS });
export type TCandidateProfileUpdateInput = z.infer<typeof ZCandidateProfileUpdateInput>;

export const ZCandidateProfile = z.object({
  candidateId: ZId,
  ...PROFILE_SECTION_SCHEMAS,
  /** Null while nobody has filled it in. */
  updatedAt: z.string().nullable(),
});
export type TCandidateProfile = z.infer<typeof ZCandidateProfile>;

/**
 * A rectification of what the applicant wrote: answers by question id, the
 * cover letter and the salary expectation (null removes either). The old text is overwritten, not kept.
 */
export const ZApplicationCorrectionInput = z
  .object({
    id: ZId,
    answers: z
      .array(z.object({ questionId: z.string().min(1).max(80), answer: z.string().trim().max(10_000) }))
      .max(50)
      .optional(),
    coverLetter: z.string().trim().max(20_000, 'At most 20,000 characters').nullable().optional(),
    /** The free-text salary expectation the apply form asks for (the profile has a structured one). */
    salaryExpectation: z.string().trim().max(60, 'At most 60 characters').nullable().optional(),
  })
  .refine(
    (v) => v.answers !== undefined || v.coverLetter !== undefined || v.salaryExpectation !== undefined,
    {
      message: 'Nothing to correct',
    },
  );
export type TApplicationCorrectionInput = z.infer<typeof ZApplicationCorrectionInput>;
