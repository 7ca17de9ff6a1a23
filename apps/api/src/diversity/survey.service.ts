import type { SurveyView } from '@candor/careers';
import { Application, Candidate, DiversityResponse, type Em, type InferEntity, Tenant } from '@candor/db';
import {
  addDays,
  DEFAULT_DIVERSITY_SETTINGS,
  DIVERSITY_PURPOSE,
  DIVERSITY_QUESTION_IDS,
  dayOf,
  noticeInEffect,
  PURPOSES,
  surveyQuestions,
  surveySubmission,
  type TDiversityQuestionId,
  type TDiversitySettings,
  type TLocale,
} from '@candor/schemas';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { recordConsents } from '../consent/consent.service.js';
import { candidateKey, type DataKeys, ensureTenantDataKey, sealFor } from '../keys/data-keys.js';
import { readLink, signLink } from '../keys/signed-link.js';
import { publishedNotices } from '../privacy/notices.service.js';
import { privacySettingsOf } from '../privacy/privacy-settings.service.js';
import type { Actor } from '../trpc/init.js';

type TenantRow = InferEntity<typeof Tenant>;

const LINK_PURPOSE = 'diversity-survey';
/** How long the survey link in the confirmation stays valid. */
const LINK_DAYS = 30;

/** The response's column for each question. */
export const ANSWER_COLUMNS: Record<
  TDiversityQuestionId,
  'gender' | 'ethnicity' | 'ageBand' | 'disability' | 'veteranStatus' | 'sexualOrientation'
> = {
  gender: 'gender',
  ethnicity: 'ethnicity',
  age_band: 'ageBand',
  disability: 'disability',
  veteran_status: 'veteranStatus',
  sexual_orientation: 'sexualOrientation',
};

export function diversitySettingsOf(tenant: Pick<TenantRow, 'diversitySettings'>): TDiversitySettings {
  // Settings saved before a field existed get that field's default.
  return { ...DEFAULT_DIVERSITY_SETTINGS, ...tenant.diversitySettings };
}

const ZClaim = z.object({ t: z.uuid(), a: z.uuid(), e: z.iso.date() });

/** The signed survey link for one application, valid for 30 days; null when the tenant's survey is off. */
export function surveyUrl(
  hashKey: Buffer,
  publicUrl: string,
  tenant: Pick<TenantRow, 'id' | 'slug' | 'diversitySettings'>,
  applicationId: string,
  /** The candidate's language: the page opens in it. */
  locale?: TLocale,
): string | null {
  if (!tenant.diversitySettings?.enabled) return null;
  const token = signLink(hashKey, LINK_PURPOSE, {
    t: tenant.id,
    a: applicationId,
    e: addDays(dayOf(), LINK_DAYS),
  });
  const lang = locale && locale !== 'en' ? `&lang=${locale}` : '';
  return `${publicUrl}/careers/${tenant.slug}/diversity/?t=${encodeURIComponent(token)}${lang}`;
}

/** The application the link names, when the link is good, the survey on and the application still there and not anonymized. */
async function applicationOf(em: Em, tenant: TenantRow, hashKey: Buffer, token: string) {
  const claim = readLink(hashKey, LINK_PURPOSE, token, ZClaim);
  if (!claim || claim.t !== tenant.id || !tenant.diversitySettings?.enabled) return null;
  const application = await em.findOne(
    Application,
    { id: claim.a, anonymizedAt: null },
    { populate: ['candidate'] },
  );
  if (!application || application.candidate.email.endsWith('@erased.invalid')) return null;
  return application;
}

function askView(
  settings: TDiversitySettings,
  token: string,
  extra: Pick<Extract<SurveyView, { kind: 'ask' }>, 'values' | 'errors'> = {},
): SurveyView {
  return { kind: 'ask', token, questions: surveyQuestions(settings), k: settings.k, ...extra };
}

/** What opening the link shows: the survey, or that it was answered (never the answers), or that the link does not work. */
export async function surveyPrompt(
  em: Em,
  tenant: TenantRow,
  hashKey: Buffer,
  token: string,
): Promise<SurveyView> {
  const application = await applicationOf(em, tenant, hashKey, token);
  if (!application) return { kind: 'invalid' };
  if ((await em.count(DiversityResponse, { application })) > 0) return { kind: 'already' };
  return askView(diversitySettingsOf(tenant), token);
}

/**
 * Stores the answers sent from the survey form, with the explicit consent
 * (GDPR Art. 9(2)(a)) as a consent event and signed receipt, in one
 * transaction. Each answer is sealed under the candidate's data key. The
 * audit event names no candidate: that a given person answered is not the
 * staff's to know. A form with errors comes back with them and changes
 * nothing; a second answer to the same link is refused.
 */
export async function submitSurvey(
  em: Em,
  tenant: TenantRow,
  deps: DataKeys & { hashKey: Buffer; publicUrl: string },
  form: Record<string, unknown>,
  requestId: string,
): Promise<{ view: SurveyView; status: 200 | 400 }> {
  const token = typeof form.token === 'string' ? form.token : '';
  const application = await applicationOf(em, tenant, deps.hashKey, token);
  if (!application) return { view: { kind: 'invalid' }, status: 400 };
  const settings = diversitySettingsOf(tenant);
  const answers: Record<string, string> = {};
  for (const id of DIVERSITY_QUESTION_IDS)
    if (typeof form[id] === 'string' && form[id]) answers[id] = form[id] as string;
  const parsed = surveySubmission(settings).safeParse({ token, consent: form.consent === 'yes', answers });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message;
    return { view: askView(settings, token, { values: answers, errors }), status: 400 };
  }
  await ensureTenantDataKey(em, deps, tenant.id);
  return em.transactional(async (tx) => {
    if ((await tx.count(DiversityResponse, { application: application.id })) > 0)
      return { view: { kind: 'already' } as SurveyView, status: 200 as const };
    const receiptId = await storeSurveyAnswers(tx, tenant, deps, {
      application,
      settings,
      answers: parsed.data.answers,
      requestId,
    });
    return { view: { kind: 'answered', receiptId } as SurveyView, status: 200 as const };
  });
}

/**
 * Stores one application's answers in the caller's transaction: each sealed
 * under the candidate's data key, with the explicit consent as a consent
 * event and receipt. Returns the receipt's id. Used by the survey form and
 * by the demo seed, so demo answers are stored exactly as real ones.
 */
export async function storeSurveyAnswers(
  tx: Em,
  tenant: TenantRow,
  deps: DataKeys & { publicUrl: string },
  input: {
    application: InferEntity<typeof Application>;
    settings: TDiversitySettings;
    answers: Partial<Record<TDiversityQuestionId, string>>;
    requestId: string;
    /** When they were given, if not now (the demo seed's answers, given after applying). */
    answeredAt?: Date;
  },
): Promise<string> {
  const { application, settings } = input;
  const candidate = await tx.findOneOrFail(Candidate, application.candidate.id);
  const key = await candidateKey(
    tx,
    deps,
    { tenantId: tenant.id, candidateId: candidate.id },
    { create: true },
  );
  const sealed: Partial<Record<(typeof ANSWER_COLUMNS)[TDiversityQuestionId], string>> = {};
  for (const [id, answer] of Object.entries(input.answers)) {
    if (answer) sealed[ANSWER_COLUMNS[id as TDiversityQuestionId]] = sealFor(key, answer);
  }
  tx.create(DiversityResponse, {
    tenant: tenant.id,
    candidate: candidate.id,
    application: application.id,
    template: settings.template,
    ...sealed,
  });
  const privacy = await privacySettingsOf(tx, tenant.id);
  const notice = noticeInEffect(await publishedNotices(tx));
  const receipt = await recordConsents(tx, {
    tenant,
    contactEmail: privacy.contactEmail,
    siteUrl: `${deps.publicUrl}/careers/${tenant.slug}/`,
    candidate,
    application: null,
    noticeVersion: notice?.version ?? application.noticeVersion ?? 0,
    decisions: [{ purpose: DIVERSITY_PURPOSE, label: PURPOSES.diversity_reporting.label, given: true }],
    channel: 'diversity_survey',
    gpc: false,
    masterKey: deps.masterKey,
    ...(input.answeredAt ? { at: input.answeredAt } : {}),
  });
  recordAudit(
    tx,
    { tenantId: tenant.id, userId: null, requestId: input.requestId },
    { action: 'diversity.answer', targetType: 'DiversityResponse' },
  );
  await tx.flush();
  return receipt.id;
}

/** Withdrawing the diversity consent deletes the answers (in the caller's transaction). */
export async function deleteDiversityAnswers(tx: Em, candidateId: string): Promise<number> {
  return tx.nativeDelete(DiversityResponse, { candidate: candidateId });
}

/** The tenant's survey settings for the backoffice. */
export async function surveySettings(em: Em, actor: Actor): Promise<TDiversitySettings> {
  return diversitySettingsOf(await em.findOneOrFail(Tenant, actor.tenantId));
}

/** Saves the survey settings (whole), audited. Links already sent stop working while the survey is off. */
export async function saveSurveySettings(
  em: Em,
  actor: Actor,
  settings: TDiversitySettings,
): Promise<TDiversitySettings> {
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  tenant.diversitySettings = settings;
  recordAudit(em, actor, {
    action: 'diversity.settings_save',
    targetType: 'Tenant',
    targetId: actor.tenantId,
  });
  await em.flush();
  return diversitySettingsOf(tenant);
}
