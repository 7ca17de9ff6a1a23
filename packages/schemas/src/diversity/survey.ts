import { z } from 'zod';
import type { TDataCategory } from '../privacy/data-categories.js';

/**
 * The voluntary diversity survey an applicant may answer after applying.
 * Every question is optional and offers "Prefer not to say"; the wording
 * comes from a template per jurisdiction (the US EEO-1 / Form CC-305 set,
 * or a UK/EU set after the UK census categories). Answers are
 * special-category data (GDPR Art. 9), collected only with explicit consent
 * given on the survey itself, and used only in k-anonymous reports.
 */

export const DIVERSITY_QUESTION_IDS = [
  'gender',
  'ethnicity',
  'age_band',
  'disability',
  'veteran_status',
  'sexual_orientation',
] as const;
export const ZDiversityQuestionId = z.enum(DIVERSITY_QUESTION_IDS);
export type TDiversityQuestionId = z.infer<typeof ZDiversityQuestionId>;

export const SURVEY_TEMPLATE_IDS = ['us_eeo1', 'uk_eu'] as const;
export const ZSurveyTemplateId = z.enum(SURVEY_TEMPLATE_IDS);
export type TSurveyTemplateId = z.infer<typeof ZSurveyTemplateId>;

export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

export interface SurveyOption {
  id: string;
  label: string;
}

export interface SurveyQuestion {
  id: TDiversityQuestionId;
  /** The catalogue category of the answer (all of them are in the diversity_reporting purpose). */
  category: TDataCategory;
  label: string;
  options: readonly SurveyOption[];
}

export interface SurveyTemplate {
  id: TSurveyTemplateId;
  label: string;
  questions: readonly SurveyQuestion[];
}

const preferNot: SurveyOption = { id: PREFER_NOT_TO_SAY, label: 'Prefer not to say' };
const options = (...list: Array<[string, string]>): SurveyOption[] => [
  ...list.map(([id, label]) => ({ id, label })),
  preferNot,
];

const AGE_BANDS = options(
  ['under_25', 'Under 25'],
  ['25_34', '25 to 34'],
  ['35_44', '35 to 44'],
  ['45_54', '45 to 54'],
  ['55_64', '55 to 64'],
  ['65_plus', '65 or over'],
);

export const SURVEY_TEMPLATES: Record<TSurveyTemplateId, SurveyTemplate> = {
  us_eeo1: {
    id: 'us_eeo1',
    label: 'United States (EEO-1 categories)',
    questions: [
      {
        id: 'gender',
        category: 'user.demographic.gender',
        label: 'Gender',
        options: options(['female', 'Female'], ['male', 'Male']),
      },
      {
        id: 'ethnicity',
        category: 'user.demographic.race_ethnicity',
        label: 'Race or ethnicity',
        options: options(
          ['hispanic_latino', 'Hispanic or Latino'],
          ['white', 'White'],
          ['black', 'Black or African American'],
          ['pacific_islander', 'Native Hawaiian or Other Pacific Islander'],
          ['asian', 'Asian'],
          ['american_indian', 'American Indian or Alaska Native'],
          ['two_or_more', 'Two or more races'],
        ),
      },
      { id: 'age_band', category: 'user.demographic.age_range', label: 'Age', options: AGE_BANDS },
      {
        id: 'disability',
        category: 'user.health_and_medical.disability',
        label: 'Disability',
        options: options(
          ['yes', 'Yes, I have a disability (or previously had a disability)'],
          ['no', 'No, I do not have a disability'],
        ),
      },
      {
        id: 'veteran_status',
        category: 'user.demographic.veteran_status',
        label: 'Veteran status',
        options: options(
          ['protected_veteran', 'I identify as one or more of the classifications of protected veteran'],
          ['not_protected_veteran', 'I am not a protected veteran'],
        ),
      },
      {
        id: 'sexual_orientation',
        category: 'user.demographic.sexual_orientation',
        label: 'Sexual orientation',
        options: options(
          ['heterosexual', 'Heterosexual or straight'],
          ['gay_lesbian', 'Gay or lesbian'],
          ['bisexual', 'Bisexual'],
          ['another', 'Another orientation'],
        ),
      },
    ],
  },
  uk_eu: {
    id: 'uk_eu',
    label: 'United Kingdom and Europe',
    questions: [
      {
        id: 'gender',
        category: 'user.demographic.gender',
        label: 'Gender',
        options: options(
          ['woman', 'Woman'],
          ['man', 'Man'],
          ['non_binary', 'Non-binary'],
          ['another', 'Another gender'],
        ),
      },
      {
        id: 'ethnicity',
        category: 'user.demographic.race_ethnicity',
        label: 'Ethnic group',
        options: options(
          ['asian', 'Asian or Asian British'],
          ['black', 'Black, Black British, Caribbean or African'],
          ['mixed', 'Mixed or multiple ethnic groups'],
          ['white', 'White'],
          ['other', 'Another ethnic group'],
        ),
      },
      { id: 'age_band', category: 'user.demographic.age_range', label: 'Age', options: AGE_BANDS },
      {
        id: 'disability',
        category: 'user.health_and_medical.disability',
        label: 'Do you consider yourself to have a disability or a long-term health condition?',
        options: options(['yes', 'Yes'], ['no', 'No']),
      },
      {
        id: 'veteran_status',
        category: 'user.demographic.veteran_status',
        label: 'Have you served in the armed forces?',
        options: options(['yes', 'Yes'], ['no', 'No']),
      },
      {
        id: 'sexual_orientation',
        category: 'user.demographic.sexual_orientation',
        label: 'Sexual orientation',
        options: options(
          ['heterosexual', 'Straight or heterosexual'],
          ['gay_lesbian', 'Gay or lesbian'],
          ['bisexual', 'Bisexual'],
          ['another', 'Another sexual orientation'],
        ),
      },
    ],
  },
};

/** The smallest k a tenant may set: below it, small groups are too easy to single out. */
export const MIN_K = 5;
export const DEFAULT_K = 10;

/**
 * A tenant's survey: off by default; which template, which questions, and k
 * for the reports. Strict: saved whole, so a request with none of these
 * fields is a mistake (a 400), not a reset to the defaults.
 */
export const ZDiversitySettings = z.strictObject({
  enabled: z.boolean().default(false),
  template: ZSurveyTemplateId.default('uk_eu'),
  questions: z
    .array(ZDiversityQuestionId)
    .min(1, 'Ask at least one question')
    .refine((ids) => new Set(ids).size === ids.length, 'Each question once')
    .default([...DIVERSITY_QUESTION_IDS]),
  k: z
    .number()
    .int()
    .min(MIN_K, `At least ${MIN_K}: smaller groups are too easy to single out`)
    .max(100, 'At most 100')
    .default(DEFAULT_K),
});
export type TDiversitySettings = z.output<typeof ZDiversitySettings>;

export const DEFAULT_DIVERSITY_SETTINGS: TDiversitySettings = ZDiversitySettings.parse({});

/** The questions a tenant's survey asks, in the template's order. */
export function surveyQuestions(
  settings: Pick<TDiversitySettings, 'template' | 'questions'>,
): SurveyQuestion[] {
  return SURVEY_TEMPLATES[settings.template].questions.filter((q) => settings.questions.includes(q.id));
}

/** Answers by question id; a question left out was not answered. */
export const ZDiversityAnswers = z.partialRecord(ZDiversityQuestionId, z.string().max(40));
export type TDiversityAnswers = z.infer<typeof ZDiversityAnswers>;

/**
 * What the survey form sends: its signed link's token, the explicit consent
 * (Art. 9(2)(a): a separate, unticked box) and the answers, each checked
 * against the options of the tenant's survey.
 */
export function surveySubmission(settings: Pick<TDiversitySettings, 'template' | 'questions'>) {
  const questions = surveyQuestions(settings);
  return z
    .object({
      token: z.string().min(1).max(500),
      consent: z.literal(
        true,
        'Tick the box to agree that we may use your answers for anonymous diversity reporting',
      ),
      answers: ZDiversityAnswers,
    })
    .superRefine((input, ctx) => {
      for (const [id, answer] of Object.entries(input.answers)) {
        const question = questions.find((q) => q.id === id);
        if (!question)
          ctx.addIssue({ code: 'custom', path: ['answers', id], message: 'This survey does not ask that' });
        else if (!question.options.some((o) => o.id === answer)) {
          ctx.addIssue({ code: 'custom', path: ['answers', id], message: 'Pick one of the answers offered' });
        }
      }
    });
}
