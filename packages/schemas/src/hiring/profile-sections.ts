import { z } from 'zod';

/**
 * The sections of a candidate's structured profile. A job's apply form can
 * ask for any of them (none by default: the resume is always enough).
 */
export const PROFILE_SECTIONS = ['education', 'workHistory', 'rightToWork', 'salaryExpectation'] as const;
export const ZProfileSection = z.enum(PROFILE_SECTIONS);
export type TProfileSection = z.infer<typeof ZProfileSection>;
export const PROFILE_SECTION_LABELS: Record<TProfileSection, string> = {
  education: 'Education',
  workHistory: 'Work history',
  rightToWork: 'Right to work',
  salaryExpectation: 'Salary expectation',
};

/** The sections a job's apply form asks for, each once. */
export const ZProfileSections = z
  .array(ZProfileSection)
  .max(PROFILE_SECTIONS.length)
  .refine((list) => new Set(list).size === list.length, 'Each section once');

/** How many rows the apply form offers (it works without JavaScript, so the rows are there from the start). */
export const APPLY_PROFILE_ROWS = { education: 2, workHistory: 3 } as const;
