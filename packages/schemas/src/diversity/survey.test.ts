import { describe, expect, it } from 'vitest';
import {
  DIVERSITY_QUESTION_IDS,
  PREFER_NOT_TO_SAY,
  SURVEY_TEMPLATES,
  surveyQuestions,
  surveySubmission,
  ZDiversitySettings,
} from './survey.js';

describe('the diversity survey', () => {
  it('offers every question in both templates, each with "Prefer not to say"', () => {
    for (const template of Object.values(SURVEY_TEMPLATES)) {
      expect(template.questions.map((q) => q.id)).toEqual([...DIVERSITY_QUESTION_IDS]);
      for (const question of template.questions) {
        expect(question.options.at(-1)?.id).toBe(PREFER_NOT_TO_SAY);
        expect(new Set(question.options.map((o) => o.id)).size).toBe(question.options.length);
      }
    }
  });

  it('is off by default, with k = 10, and never below 5', () => {
    expect(ZDiversitySettings.parse({})).toMatchObject({ enabled: false, k: 10 });
    expect(ZDiversitySettings.safeParse({ k: 4 }).success).toBe(false);
    expect(ZDiversitySettings.safeParse({ questions: [] }).success).toBe(false);
    expect(ZDiversitySettings.safeParse({ questions: ['gender', 'gender'] }).success).toBe(false);
  });

  it('accepts only the questions and answers the tenant’s survey offers, and explicit consent', () => {
    const settings = { template: 'uk_eu' as const, questions: ['gender' as const, 'age_band' as const] };
    expect(surveyQuestions(settings).map((q) => q.id)).toEqual(['gender', 'age_band']);
    const schema = surveySubmission(settings);
    expect(
      schema.safeParse({
        token: 't',
        consent: true,
        answers: { gender: 'woman', age_band: PREFER_NOT_TO_SAY },
      }).success,
    ).toBe(true);
    expect(schema.safeParse({ token: 't', consent: true, answers: {} }).success).toBe(true);
    const unasked = schema.safeParse({ token: 't', consent: true, answers: { ethnicity: 'white' } });
    expect(unasked.error?.issues[0]).toMatchObject({ path: ['answers', 'ethnicity'] });
    // The US set's wording is not the UK/EU set's.
    expect(
      schema.safeParse({ token: 't', consent: true, answers: { gender: 'female' } }).error?.issues[0]?.path,
    ).toEqual(['answers', 'gender']);
    expect(schema.safeParse({ token: 't', consent: false, answers: {} }).error?.issues[0]?.path).toEqual([
      'consent',
    ]);
  });
});
