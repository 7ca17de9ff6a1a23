import { z } from 'zod';
import { ZEmail } from '../auth.js';
import { ZPhone, ZProfileLink } from '../hiring/candidate.js';
import { ZQuestionKind } from '../hiring/job.js';
import { ZPurposeKey } from '../privacy/privacy-settings.js';

export const MAX_RESUME_BYTES = 10 * 1024 * 1024;
export const RESUME_EXTENSIONS = ['.pdf', '.docx', '.odt'] as const;
export const MAX_PROFILE_LINKS = 3;

/** A job's question as applicants see it: never the knockout answer. */
export const ZPublicQuestion = z.object({
  id: z.string(),
  label: z.string(),
  kind: ZQuestionKind,
  required: z.boolean(),
  options: z.array(z.string()),
});
export type TPublicQuestion = z.infer<typeof ZPublicQuestion>;

/**
 * Everything the apply form is built from. It is embedded in the static
 * apply page (for the browser's validation) and loaded from the database by
 * the server, which validates again with the same schema.
 */
export const ZApplyConfig = z.object({
  questions: z.array(ZPublicQuestion),
  purposes: z.array(
    z.object({ key: ZPurposeKey, label: z.string(), description: z.string(), marketing: z.boolean() }),
  ),
  minimumAge: z.number().int(),
  askSalaryExpectation: z.boolean(),
  /** The privacy-notice version the form shows; null while the tenant has published none. */
  noticeVersion: z.number().int().positive().nullable(),
});
export type TApplyConfig = z.infer<typeof ZApplyConfig>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max.toLocaleString('en')} characters`)
    .transform((value) => (value === '' ? null : value));

/** What the browser knows about the chosen file; the server sniffs the bytes as well. */
export const ZResumeMeta = z
  .object(
    { name: z.string().max(200, 'Rename the file to something shorter'), size: z.number().int() },
    'Attach your resume',
  )
  .superRefine((file, ctx) => {
    if (file.size === 0) ctx.addIssue({ code: 'custom', message: 'The file is empty' });
    if (file.size > MAX_RESUME_BYTES)
      ctx.addIssue({ code: 'custom', message: 'The file is larger than 10 MB' });
    if (!RESUME_EXTENSIONS.some((ext) => file.name.toLowerCase().endsWith(ext))) {
      ctx.addIssue({ code: 'custom', message: 'Attach a PDF, Word (.docx) or OpenDocument (.odt) file' });
    }
  });

const ZApplyFields = z.object({
  name: z
    .string('Enter your name')
    .trim()
    .min(1, 'Enter your name')
    .max(120, 'Keep your name under 120 characters'),
  email: z.string('Enter your email address').min(1, 'Enter your email address').pipe(ZEmail),
  // prefault, not default: the empty string goes through the transform and becomes null.
  phone: z.union([z.literal('').transform(() => null), ZPhone]).prefault(''),
  location: optionalText(120).prefault(''),
  links: z.array(ZProfileLink).max(MAX_PROFILE_LINKS).default([]),
  coverLetter: optionalText(10_000).prefault(''),
  salaryExpectation: optionalText(60).prefault(''),
  answers: z
    .record(z.string().max(40), z.string().trim().max(5000, 'Keep this under 5,000 characters'))
    .default({}),
  consents: z.record(ZPurposeKey, z.boolean()).default({}),
  ageConfirmed: z.literal(true, 'Confirm your age to apply'),
  noticeVersion: z.coerce.number('The page is out of date: reload it').int().positive(),
  resume: ZResumeMeta,
});
export type TApplyInput = z.output<typeof ZApplyFields>;

const ZAnswers = z.record(
  z.string().max(40),
  z.string().trim().max(5000, 'Keep this under 5,000 characters'),
);

/**
 * The apply schema of one job: the common fields plus its questions
 * (required ones answered, choices among the options) and the purposes the
 * tenant offers. The job's checks sit on the fields themselves, not on the
 * whole object, so they run (and report) even while other fields are wrong:
 * every problem shows at the first try. Errors on questions land on
 * `answers.<id>`, on purposes on `consents.<key>`.
 */
export function applySchemaFor(config: TApplyConfig) {
  const answers = ZAnswers.prefault({}).superRefine((given, ctx) => {
    for (const q of config.questions) {
      const answer = given[q.id] ?? '';
      const problem =
        q.required && answer === ''
          ? 'Answer this question'
          : answer === ''
            ? null
            : q.kind === 'yes_no' && answer !== 'yes' && answer !== 'no'
              ? 'Choose yes or no'
              : q.kind === 'single_choice' && !q.options.includes(answer)
                ? 'Choose one of the options'
                : q.kind === 'short_text' && answer.length > 300
                  ? 'Keep this under 300 characters'
                  : null;
      if (problem) ctx.addIssue({ code: 'custom', path: [q.id], message: problem });
    }
    for (const key of Object.keys(given)) {
      if (!config.questions.some((q) => q.id === key))
        ctx.addIssue({ code: 'custom', path: [key], message: 'Unknown question' });
    }
  });
  const consents = ZApplyFields.shape.consents.superRefine((given, ctx) => {
    for (const key of Object.keys(given)) {
      if (!config.purposes.some((p) => p.key === key))
        ctx.addIssue({ code: 'custom', path: [key], message: 'Unknown purpose' });
    }
  });
  const salaryExpectation = config.askSalaryExpectation
    ? ZApplyFields.shape.salaryExpectation
    : ZApplyFields.shape.salaryExpectation.refine((value) => value === null, 'Not asked for this job');
  return ZApplyFields.extend({ answers, consents, salaryExpectation });
}

/** A form value: text, or a file as far as validation cares. */
export type TFormValue = string | { name: string; size: number };

/**
 * Turns the form's fields (browser FormData or the server's parsed
 * multipart body) into the input `applySchemaFor` checks. Field names:
 * `answer:<questionId>`, `consent:<purposeKey>` (a ticked box), `links`
 * (repeated), `ageConfirmed`, `resume` (the file).
 */
export function applyInputFromForm(entries: Iterable<[string, TFormValue]>): Record<string, unknown> {
  const input: Record<string, unknown> & {
    answers: Record<string, string>;
    consents: Record<string, boolean>;
    links: string[];
  } = {
    answers: {},
    consents: {},
    links: [],
  };
  for (const [name, value] of entries) {
    if (name === 'resume') {
      // An empty file input still sends a nameless, empty part.
      if (typeof value !== 'string' && (value.name !== '' || value.size > 0))
        input.resume = { name: value.name, size: value.size };
      continue;
    }
    if (typeof value !== 'string') continue;
    if (name.startsWith('answer:')) input.answers[name.slice('answer:'.length)] = value;
    else if (name.startsWith('consent:')) input.consents[name.slice('consent:'.length)] = value !== '';
    else if (name === 'links') {
      if (value.trim() !== '') input.links.push(value.trim());
    } else if (name === 'ageConfirmed') input.ageConfirmed = value !== '';
    else if (
      ['name', 'email', 'phone', 'location', 'coverLetter', 'salaryExpectation', 'noticeVersion'].includes(
        name,
      )
    ) {
      input[name] = value;
    }
  }
  return input;
}

/** Field errors keyed by form field name (`answer:<id>`, `consent:<key>`, `links` ...). */
export function formFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const [head, second] = issue.path.map(String);
    const field =
      head === 'answers' ? `answer:${second}` : head === 'consents' ? `consent:${second}` : (head ?? 'form');
    out[field] = [...(out[field] ?? []), issue.message];
  }
  return out;
}

/**
 * What the server answers to an application it takes. It holds only what the
 * form itself said, never anything about stored records (no reference, no
 * signed receipt, no survey link): a second application with the same address
 * gets exactly this answer too, so the answer cannot tell anyone whether that
 * person applied. The reference, the signed consent receipt and the survey
 * link go to the address, by email.
 */
export const ZApplyResult = z.object({
  jobTitle: z.string(),
  email: z.string(),
  /** The privacy notice version the form was sent under. */
  noticeVersion: z.number().int(),
  /** Whether a Global Privacy Control signal declined the marketing-type purposes. */
  gpc: z.boolean(),
  /** Each purpose as the form decided it (the application itself is "needed"), as the emailed receipt records it. */
  choices: z.array(z.object({ label: z.string(), choice: z.enum(['needed', 'consented', 'refused']) })),
});
export type TApplyResult = z.infer<typeof ZApplyResult>;
