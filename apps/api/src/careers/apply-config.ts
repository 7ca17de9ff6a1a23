import type { InferEntity, Job } from '@candor/db';
import type { TApplyConfig, TPrivacySettings, TPublicQuestion } from '@candor/schemas';

/** A job's questions as applicants see them: the knockout answer stays inside. */
export function publicQuestions(job: Pick<InferEntity<typeof Job>, 'questions'>): TPublicQuestion[] {
  return job.questions.map(({ id, label, kind, required, options }) => ({
    id,
    label,
    kind,
    required,
    options,
  }));
}

/** The tenant-wide part of the apply form: consent purposes, minimum age, salary question. */
export function tenantApplyConfig(
  settings: TPrivacySettings,
): Omit<TApplyConfig, 'questions' | 'noticeVersion' | 'profileSections' | 'rightToWorkCountry'> {
  return {
    purposes: settings.consentPurposes
      .filter((p) => p.enabled)
      .map(({ key, label, description, marketing }) => ({ key, label, description, marketing })),
    minimumAge: settings.minimumAge,
    askSalaryExpectation: settings.askSalaryExpectation,
  };
}
