import { createHash } from 'node:crypto';
import {
  Application,
  Attachment,
  BackgroundCheck,
  CandidateProfile,
  DiversityResponse,
  type InferEntity,
  Offer,
  type Orm,
  TENANT_FILTER,
  Tenant,
  User,
} from '@candor/db';
import { DEMO_TENANT, DEMO_USERS } from '@candor/db/seed';
import {
  DEFAULT_BACKGROUND_CHECK_SETTINGS,
  DEFAULT_PRIVACY_SETTINGS,
  isBusinessDay,
  surveyQuestions,
  type TDiversityQuestionId,
  waitingPeriodEnd,
} from '@candor/schemas';
import { uploadAttachment } from '../attachments/attachments.service.js';
import { saveProfile } from '../candidates/profile.service.js';
import { diversitySettingsOf, storeSurveyAnswers } from '../diversity/survey.service.js';
import type { FileStore } from '../files/file-store.js';
import { candidateKey, type DataKeys, ensureTenantDataKey, sealFor } from '../keys/data-keys.js';
import { letterPdf } from '../offers/letter-pdf.js';
import { seedDemoAssessments } from './demo-assessments.js';

/** Share of the invited demo applicants who answered the survey. */
const SURVEY_SHARE = 0.75;
/** The demo's survey started on the first of the month this many months ago; earlier applicants were never invited. */
const SURVEY_MONTHS = 5;

/** The first instant of the month `months` before the one `at` falls in (UTC). */
function monthStart(at: number, months: number): Date {
  const date = new Date(at);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1));
}
/**
 * How the demo's applicants (tech and warehouse jobs in Berlin and Lisbon)
 * answer, by option id, roughly as such a company's applicants might: a few
 * large groups the report shows and small ones it hides. Options not listed
 * (another template's) share what is left evenly.
 */
const DEMO_ANSWER_SHARES: Record<string, number> = {
  woman: 34,
  man: 58,
  non_binary: 3,
  white: 58,
  asian: 15,
  black: 9,
  mixed: 8,
  other: 6,
  under_25: 12,
  '25_34': 44,
  '35_44': 28,
  '45_54': 10,
  '55_64': 4,
  '65_plus': 1,
  no: 86,
  yes: 9,
  heterosexual: 84,
  gay_lesbian: 5,
  bisexual: 6,
  another: 2,
};
const DEFAULT_SHARE = 3;

/** The option at `u` (in [0, 1)) of the question's options laid end to end by their share. */
function optionAt(question: { options: ReadonlyArray<{ id: string }> }, u: number): string {
  const shares = question.options.map((o) => DEMO_ANSWER_SHARES[o.id] ?? DEFAULT_SHARE);
  let left = u * shares.reduce((sum, share) => sum + share, 0);
  for (const [i, share] of shares.entries()) {
    left -= share;
    if (left < 0) return question.options[i]!.id;
  }
  return question.options.at(-1)!.id;
}

const REQUEST_ID = 'demo-seed';

/** A number in [0, 1) from a seed: the same demo on every start, without a random generator to thread through. */
function unit(...parts: string[]): number {
  return createHash('sha256').update(parts.join(':')).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * The part of the demo only the API can write: data sealed under candidate
 * keys, which the database package's seed has no access to. Survey answers
 * for most demo applications (so the diversity report has numbers to hide
 * and show) and resumes for the applications in blind-review stages (so a
 * hiring manager has one to read redacted). Each part runs once: it is
 * skipped when the demo tenant already has answers, or resumes.
 */
export async function seedSealedDemoData(
  orm: Orm,
  deps: DataKeys & { files: FileStore; publicUrl: string },
): Promise<void> {
  const em = orm.em.fork();
  const tenant = await em.findOne(Tenant, { slug: DEMO_TENANT.slug });
  if (!tenant) return;
  em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
  await seedSurveyAnswers(em, tenant, deps);
  await seedBlindReviewResumes(em, tenant, deps);
  await seedProfilesFromResumes(em, tenant, deps);
  await seedDemoAssessments(em, tenant, deps);
  await seedBackgroundCheck(em, tenant, deps);
}

/**
 * Background checks on for the demo tenant, and one offer whose check is in
 * the FCRA waiting period: the candidate signed, the report came in, the
 * pre-adverse notice went out two business days ago.
 */
async function seedBackgroundCheck(
  em: ReturnType<Orm['em']['fork']>,
  tenant: InferEntity<typeof Tenant>,
  deps: DataKeys & { files: FileStore },
) {
  if ((await em.count(BackgroundCheck, {})) > 0) return;
  const settings = { ...DEFAULT_PRIVACY_SETTINGS, ...tenant.privacySettings };
  tenant.privacySettings = {
    ...settings,
    backgroundChecks: {
      ...DEFAULT_BACKGROUND_CHECK_SETTINGS,
      enabled: true,
      viewerRoles: ['owner', 'admin', 'recruiter'],
    },
  };
  const [offer] = await em.find(
    Offer,
    { application: { status: 'active' } },
    { populate: ['application.candidate'], orderBy: { createdAt: 'asc' } },
  );
  if (!offer) {
    await em.flush();
    return;
  }
  const app = offer.application;
  const day = 24 * 60 * 60 * 1000;
  // Back two business days from today, for the notice's date.
  let sent = new Date();
  for (let left = 2; left > 0; ) {
    sent = new Date(sent.getTime() - day);
    if (isBusinessDay(sent.toISOString().slice(0, 10), [])) left--;
  }
  const at = (daysBefore: number) => new Date(sent.getTime() - daysBefore * day);
  const key = await candidateKey(
    em,
    deps,
    { tenantId: tenant.id, candidateId: app.candidate.id },
    { create: true },
  );
  const report = letterPdf({
    heading: 'Background screening report (demo)',
    subheading: `Subject: ${app.candidate.name}`,
    body: 'Identity: verified.\n\nEmployment history: one employer could not confirm the dates given.\n\nCriminal records search: one record found (demo data, not a real person).',
    footer: 'Demo Screening Co.',
  });
  const storageKey = await deps.files.put(sealFor(key, report));
  const waitUntil = waitingPeriodEnd(
    sent.toISOString().slice(0, 10),
    DEFAULT_BACKGROUND_CHECK_SETTINGS.waitingDays,
    [],
  );
  em.create(BackgroundCheck, {
    tenant: tenant.id,
    application: app.id,
    status: 'pre_adverse',
    provider: 'manual',
    providerRef: `manual-demo-${app.id}`,
    providerStatus: 'complete',
    signedName: app.candidate.name,
    signedAt: at(6),
    reportStorageKey: storageKey,
    reportFilename: 'screening-report.pdf',
    reportContentType: 'application/pdf',
    reportSize: report.length,
    reportReceivedAt: at(1),
    waitUntil,
    events: [
      {
        kind: 'requested',
        at: at(7).toISOString(),
        detail: 'Disclosure and authorization sent to the candidate',
      },
      {
        kind: 'disclosure_signed',
        at: at(6).toISOString(),
        detail: 'Disclosure read and authorization signed by the candidate',
      },
      {
        kind: 'ordered',
        at: at(6).toISOString(),
        detail: 'Ordered from Background-check provider (ordered by the hiring team)',
      },
      { kind: 'report_received', at: at(1).toISOString(), detail: 'Report received' },
      {
        kind: 'pre_adverse_sent',
        at: sent.toISOString(),
        detail: `Pre-adverse action notice sent; waiting until ${waitUntil}`,
      },
    ],
  });
  await em.flush();
}

async function seedSurveyAnswers(
  em: ReturnType<Orm['em']['fork']>,
  tenant: Parameters<typeof storeSurveyAnswers>[1],
  deps: DataKeys & { publicUrl: string },
) {
  const settings = diversitySettingsOf(tenant);
  if (!settings.enabled || (await em.count(DiversityResponse, {})) > 0) return;
  const questions = surveyQuestions(settings);
  const now = Date.now();
  // Careers-site applicants get the link in their confirmation. Those of this month have not answered
  // (yet): a month's first few respondents are fewer than k, and would hide the counts of every report
  // that includes this month.
  const applications = await em.find(
    Application,
    {
      anonymizedAt: null,
      source: 'careers_site',
      appliedAt: { $gte: monthStart(now, SURVEY_MONTHS), $lt: monthStart(now, 0) },
      candidate: { restrictedAt: null },
    },
    { populate: ['candidate'], orderBy: { id: 'asc' } },
  );
  await ensureTenantDataKey(em, deps, tenant.id);
  await em.transactional(async (tx) => {
    for (const application of applications) {
      // Seeded by the person, whose demo email is the same on every start, so the demo's answers are too.
      const person = application.candidate.email;
      if (unit(person, 'answers') >= SURVEY_SHARE) continue;
      const answers: Partial<Record<TDiversityQuestionId, string>> = {};
      for (const question of questions) {
        // Some skip a question; the others answer as DEMO_ANSWER_SHARES makes likely.
        const u = unit(person, question.id);
        if (u > 0.93) continue;
        answers[question.id] = optionAt(question, u / 0.93);
      }
      // Answered from the confirmation's link within three days of applying.
      const answeredAt = new Date(
        Math.min(now, application.appliedAt.getTime() + unit(person, 'when') * 3 * 86_400_000),
      );
      await storeSurveyAnswers(tx, tenant, deps, {
        application,
        settings,
        answers,
        requestId: REQUEST_ID,
        answeredAt,
      });
      // Written already: a unit of work that only grows would make every later flush slower.
      tx.clear();
    }
  });
}

async function seedBlindReviewResumes(
  em: ReturnType<Orm['em']['fork']>,
  tenant: { id: string },
  deps: DataKeys & { files: FileStore },
) {
  if ((await em.count(Attachment, {})) > 0) return;
  const recruiter = await em.findOne(User, { email: DEMO_USERS.find((u) => u.role === 'recruiter')!.email });
  if (!recruiter) return;
  const actor = {
    userId: recruiter.id,
    tenantId: tenant.id,
    role: 'recruiter' as const,
    requestId: REQUEST_ID,
  };
  const blind = await em.find(
    Application,
    { stage: { blindReview: true }, status: 'active', candidate: { restrictedAt: null } },
    { populate: ['candidate'] },
  );
  for (const application of blind) {
    const c = application.candidate;
    const born = 1975 + Math.floor(unit(c.id, 'born') * 25);
    const started = born + 23;
    const resume = letterPdf({
      heading: c.name,
      subheading: [c.email, c.phone, c.location].filter(Boolean).join(' | '),
      body: [
        `Date of birth: ${1 + Math.floor(unit(c.id, 'day') * 28)} May ${born}`,
        `Profile: https://www.linkedin.com/in/${c.email.split('@')[0]}`,
        `Experience\nFirmware engineer at Initech, ${started + 6} - present: motor control firmware, RTOS scheduling, CAN bus diagnostics.\nEmbedded developer at Globex, ${started} - ${started + 6}: sensor drivers in C, test rigs, on-call for the factory line.`,
        `Education\nMSc Electrical Engineering, ${started}.`,
        `Skills\nC, C++, Rust, FreeRTOS, Zephyr, oscilloscope and logic analyser, Python for test automation.`,
      ].join('\n\n'),
      footer: c.name,
    });
    await uploadAttachment(em, actor, deps, {
      candidateId: c.id,
      applicationId: application.id,
      kind: 'resume',
      filename: `${c.name.replace(/\s+/g, '_')}_CV_${born}.pdf`,
      contentBase64: resume.toString('base64'),
    });
  }
}

/**
 * The structured profile of the candidates in blind review, as a recruiter
 * would fill it in from the resume above: hidden from the blind reviewer
 * like the resume's name and contact details.
 */
async function seedProfilesFromResumes(
  em: ReturnType<Orm['em']['fork']>,
  tenant: { id: string },
  deps: DataKeys,
) {
  if ((await em.count(CandidateProfile, {})) > 0) return;
  const blind = await em.find(
    Application,
    { stage: { blindReview: true }, status: 'active', candidate: { restrictedAt: null } },
    { populate: ['candidate'] },
  );
  for (const { candidate: c } of blind) {
    const born = 1975 + Math.floor(unit(c.id, 'born') * 25);
    const started = born + 23;
    const key = await candidateKey(em, deps, { tenantId: tenant.id, candidateId: c.id }, { create: true });
    await saveProfile(em, key, {
      tenantId: tenant.id,
      candidateId: c.id,
      userId: null,
      sections: {
        education: [
          {
            institution: 'TU Berlin',
            degree: 'MSc',
            field: 'Electrical Engineering',
            startDate: `${started - 2}-10`,
            endDate: `${started}-09`,
          },
        ],
        workHistory: [
          {
            employer: 'Initech',
            title: 'Firmware engineer',
            startDate: `${started + 6}-01`,
            endDate: null,
            summary: 'Motor control firmware, RTOS scheduling, CAN bus diagnostics.',
          },
          {
            employer: 'Globex',
            title: 'Embedded developer',
            startDate: `${started}-10`,
            endDate: `${started + 5}-12`,
            summary: 'Sensor drivers in C, test rigs, on-call for the factory line.',
          },
        ],
        rightToWork: [{ country: 'DE', status: unit(c.id, 'visa') < 0.8 ? 'yes' : 'needs_sponsorship' }],
        salaryExpectation: {
          amount: 60_000 + Math.round(unit(c.id, 'salary') * 30) * 1000,
          currency: 'EUR',
          period: 'year',
        },
      },
    });
  }
  await em.flush();
}
