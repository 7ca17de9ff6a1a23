import type { TJob, TJobCreateInput, TSalaryRange } from '@candor/schemas';

type QuestionValues = Partial<TJob['questions'][number]> & { options?: string[] };

/** The job form's values: the API's fields plus `salaryStated`, the "state a salary range" switch. */
export type JobFormValues = Omit<Partial<TJobCreateInput>, 'salary' | 'questions'> & {
  salaryStated?: boolean;
  salary?: Partial<TSalaryRange> | null;
  questions?: QuestionValues[];
};

function knockoutFor(question: QuestionValues, options: string[]): string | null {
  const allowed =
    question.kind === 'yes_no' ? ['yes', 'no'] : question.kind === 'single_choice' ? options : [];
  return question.knockoutAnswer && allowed.includes(question.knockoutAnswer)
    ? question.knockoutAnswer
    : null;
}

/**
 * What the form holds, as the API takes it: no salary unless the switch is
 * on, choice options only for choice questions (blank lines dropped), a
 * knockout answer only where it is one of the answers, team members as ids.
 */
export function toJobInput(values: JobFormValues): Record<string, unknown> {
  const { salaryStated, ...rest } = values;
  return {
    ...rest,
    salary: salaryStated ? (values.salary ?? {}) : null,
    questions: (values.questions ?? []).map((question) => {
      const options =
        question.kind === 'single_choice'
          ? (question.options ?? []).map((option) => option.trim()).filter(Boolean)
          : [];
      return {
        ...(question.id ? { id: question.id } : {}),
        label: question.label ?? '',
        kind: question.kind,
        required: question.required ?? false,
        options,
        knockoutAnswer: knockoutFor(question, options),
      };
    }),
    criteria: (values.criteria ?? []).map((criterion) => ({
      ...criterion,
      description: criterion.description ?? '',
    })),
    hiringTeam: (values.hiringTeam ?? []).map((member) => ({ userId: member.userId, role: member.role })),
    // A language without a title is not translated: its pages show the default wording.
    translations: Object.fromEntries(
      Object.entries(values.translations ?? {})
        .filter(([, text]) => text?.title?.trim())
        .map(([locale, text]) => [locale, { title: text?.title, descriptionMd: text?.descriptionMd ?? '' }]),
    ),
  };
}

/** The form's starting values for an existing job. */
export function jobFormDefaults(job: Partial<TJob>): JobFormValues {
  return { salaryStated: Boolean(job.salary) };
}
