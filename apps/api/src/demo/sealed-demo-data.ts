import { createHash } from 'node:crypto';
import {
  Application,
  Attachment,
  DiversityResponse,
  type Orm,
  TENANT_FILTER,
  Tenant,
  User,
} from '@candor/db';
import { DEMO_TENANT, DEMO_USERS } from '@candor/db/seed';
import { surveyQuestions, type TDiversityQuestionId } from '@candor/schemas';
import { uploadAttachment } from '../attachments/attachments.service.js';
import { diversitySettingsOf, storeSurveyAnswers } from '../diversity/survey.service.js';
import type { FileStore } from '../files/file-store.js';
import { type DataKeys, ensureTenantDataKey } from '../keys/data-keys.js';
import { letterPdf } from '../offers/letter-pdf.js';

/** Share of demo applicants (of those who applied since the survey started) who answered it. */
const SURVEY_SHARE = 0.75;
/** The demo's survey started this many days ago; earlier applicants were never invited. */
const SURVEY_DAYS = 90;
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
}

async function seedSurveyAnswers(
  em: ReturnType<Orm['em']['fork']>,
  tenant: Parameters<typeof storeSurveyAnswers>[1],
  deps: DataKeys & { publicUrl: string },
) {
  const settings = diversitySettingsOf(tenant);
  if (!settings.enabled || (await em.count(DiversityResponse, {})) > 0) return;
  const questions = surveyQuestions(settings);
  const since = new Date(Date.now() - SURVEY_DAYS * 86_400_000);
  const applications = await em.find(
    Application,
    { anonymizedAt: null, appliedAt: { $gte: since }, candidate: { restrictedAt: null } },
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
        // Skewed towards the first options, as real answers are; some skip a question.
        const u = unit(person, question.id);
        if (u > 0.93) continue;
        const index = Math.min(question.options.length - 1, Math.floor(u ** 1.8 * question.options.length));
        answers[question.id] = question.options[index]!.id;
      }
      await storeSurveyAnswers(tx, tenant, deps, { application, settings, answers, requestId: REQUEST_ID });
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
