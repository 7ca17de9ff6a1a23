import { z } from 'zod';
import { ZEmail } from '../auth.js';
import { ZPhone, ZProfileLink } from '../hiring/candidate.js';
import { ZCountryCode, ZQuestionKind } from '../hiring/job.js';
import { PROFILE_SECTION_SCHEMAS } from '../hiring/profile.js';
import { type PROFILE_SECTIONS, ZProfileSection } from '../hiring/profile-sections.js';
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
  /** Profile sections the job asks for; the structured salary expectation replaces the free-text one. */
  profileSections: z.array(ZProfileSection).default([]),
  /** The country the right-to-work question is about (the job's); null: the applicant names it. */
  rightToWorkCountry: ZCountryCode.nullable().default(null),
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
  /** What the applicant filled in of the profile sections the job asks for (all optional: the resume is enough). */
  profile: z
    .object({
      education: PROFILE_SECTION_SCHEMAS.education.default([]),
      workHistory: PROFILE_SECTION_SCHEMAS.workHistory.default([]),
      rightToWork: PROFILE_SECTION_SCHEMAS.rightToWork.default([]),
      salaryExpectation: PROFILE_SECTION_SCHEMAS.salaryExpectation.default(null),
    })
    .prefault({}),
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
  // A section the job does not ask for must come empty; the check sits on the section, so it reports with the rest.
  const asked = <T extends z.ZodType>(section: (typeof PROFILE_SECTIONS)[number], schema: T) =>
    config.profileSections.includes(section)
      ? schema
      : z
          .unknown()
          .refine(
            (value) => value === null || value === undefined || (Array.isArray(value) && value.length === 0),
            'Not asked for this job',
          )
          .pipe(schema);
  const profile = z
    .object({
      education: asked('education', PROFILE_SECTION_SCHEMAS.education).default([]),
      workHistory: asked('workHistory', PROFILE_SECTION_SCHEMAS.workHistory).default([]),
      rightToWork: asked('rightToWork', PROFILE_SECTION_SCHEMAS.rightToWork).default([]),
      salaryExpectation: asked('salaryExpectation', PROFILE_SECTION_SCHEMAS.salaryExpectation).default(null),
    })
    .prefault({});
  const askFreeTextSalary =
    config.askSalaryExpectation && !config.profileSections.includes('salaryExpectation');
  const salaryExpectation = askFreeTextSalary
    ? ZApplyFields.shape.salaryExpectation
    : ZApplyFields.shape.salaryExpectation.refine((value) => value === null, 'Not asked for this job');
  return ZApplyFields.extend({ answers, consents, salaryExpectation, profile });
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
  const profileFields = new Map<string, string>();
  for (const [name, value] of entries) {
    if (typeof value === 'string' && PROFILE_FIELD.test(name)) {
      profileFields.set(name, value.trim());
      continue;
    }
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
  input.profile = profileFromForm(profileFields);
  return input;
}

/** `education.0.institution`, `workHistory.2.summary`, `rightToWork.0.status`, `salaryExpectation.amount` ... */
const PROFILE_FIELD = /^(education|workHistory|rightToWork)\.\d{1,2}\.\w+$|^salaryExpectation\.\w+$/;

/** The rows of one repeated section, by index; rows left entirely empty are not there. */
function rowsOf(fields: Map<string, string>, section: string): Array<Record<string, string>> {
  const rows = new Map<number, Record<string, string>>();
  for (const [name, value] of fields) {
    const [head, index, key] = name.split('.');
    if (head !== section || key === undefined) continue;
    const row = rows.get(Number(index)) ?? {};
    row[key] = value;
    rows.set(Number(index), row);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => row)
    .filter((row) => Object.values(row).some((v) => v !== ''));
}

const monthOrNull = (value: string | undefined) => (value ? value : null);

/**
 * The profile sections as the schema takes them. A right-to-work row is
 * there only once a status is chosen (the country may be fixed by the job);
 * a salary only once an amount or a currency is typed.
 */
function profileFromForm(fields: Map<string, string>): Record<string, unknown> {
  const salary = {
    amount: fields.get('salaryExpectation.amount') ?? '',
    currency: fields.get('salaryExpectation.currency') ?? '',
    period: fields.get('salaryExpectation.period') || 'year',
  };
  return {
    education: rowsOf(fields, 'education').map((row) => ({
      institution: row.institution ?? '',
      degree: row.degree ?? '',
      field: row.field ?? '',
      startDate: monthOrNull(row.startDate),
      endDate: monthOrNull(row.endDate),
    })),
    workHistory: rowsOf(fields, 'workHistory').map((row) => ({
      employer: row.employer ?? '',
      title: row.title ?? '',
      startDate: monthOrNull(row.startDate),
      endDate: monthOrNull(row.endDate),
      summary: row.summary ?? '',
    })),
    rightToWork: rowsOf(fields, 'rightToWork')
      .filter((row) => row.status)
      .map((row) => ({ country: row.country ?? '', status: row.status })),
    salaryExpectation:
      salary.amount === '' && salary.currency === ''
        ? null
        : {
            // Not a number stays a string, so the schema says what is wrong with it.
            amount: /^\d+$/.test(salary.amount) ? Number(salary.amount) : salary.amount || undefined,
            currency: salary.currency,
            period: salary.period,
          },
  };
}

/** Field errors keyed by form field name (`answer:<id>`, `consent:<key>`, `links` ...). */
export function formFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const [head, second] = issue.path.map(String);
    const field =
      head === 'answers'
        ? `answer:${second}`
        : head === 'consents'
          ? `consent:${second}`
          : head === 'profile'
            ? issue.path.slice(1).map(String).join('.')
            : (head ?? 'form');
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
