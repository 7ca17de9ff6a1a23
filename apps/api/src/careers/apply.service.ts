import { createHash } from 'node:crypto';
import { type Messages, messagesFor } from '@candor/careers';
import {
  ApplicationTag,
  Attachment,
  Candidate,
  type Em,
  type InferEntity,
  Job,
  type Orm,
  UniqueConstraintViolationException,
} from '@candor/db';
import {
  applyInputFromForm,
  applySchemaFor,
  DOCUMENT_TYPES,
  formFieldErrors,
  MAX_RESUME_BYTES,
  nameKey,
  noticeInEffect,
  PURPOSES,
  phoneKey,
  type TApplyConfig,
  type TApplyInput,
  type TApplyResult,
  type TCareersNotice,
  type TFormValue,
  type TLocale,
} from '@candor/schemas';
import { createApplicationIn } from '../applications/create-application.js';
import { recordAudit } from '../audit/audit.service.js';
import { saveProfile } from '../candidates/profile.service.js';
import { recordConsents } from '../consent/consent.service.js';
import { consentReceiptPdf, receiptPdfFileName } from '../consent/receipt-pdf.js';
import { surveyUrl } from '../diversity/survey.service.js';
import { pauseForCrashTest } from '../files/crash-test-pause.js';
import type { FileStore } from '../files/file-store.js';
import { sniffDocument } from '../files/sniff.js';
import type { ApplicantScope } from '../http/applicant-tenant.js';
import { candidateKey, type DataKeys, ensureTenantDataKey, sealAnswers, sealFor } from '../keys/data-keys.js';
import { errorFields, type Logger } from '../logging/logger.js';
import { jobTitleIn } from '../mail/candidate-language.js';
import { candidatePortalLink, renderEmail } from '../mail/email-templates.service.js';
import { enqueueEmail } from '../mail/outbox.js';
import { publishedNotices } from '../privacy/notices.service.js';
import { privacySettingsOf } from '../privacy/privacy-settings.service.js';
import { indexDocumentsSoon } from '../search/index-requests.js';
import { AppError } from '../trpc/app-error.js';
import { tenantChanged } from '../trpc/tenant-changes.js';
import { tellAlreadyApplied } from './already-applied.js';
import { publicQuestions, tenantApplyConfig } from './apply-config.js';

export type ApplyOutcome =
  | { kind: 'received'; result: TApplyResult }
  | { kind: 'invalid'; fieldErrors: Record<string, string[]> }
  | { kind: 'closed' }
  | { kind: 'not_found' }
  | { kind: 'unavailable'; message: string };

export interface ApplyDeps extends DataKeys {
  orm: Orm;
  files: FileStore;
  publicUrl: string;
  logger: Logger;
  /** Keys the diversity survey's signed link (keys/hash-key.ts). */
  hashKey: Buffer;
}

export interface ApplyRequest {
  jobId: string;
  /** The form's fields; files as Blob-like values with their bytes. */
  fields: Array<[string, string | File]>;
  /** A Global Privacy Control signal (the Sec-GPC header, or the page's own report of it). */
  gpc: boolean;
  requestId: string;
  /** The language of the page the form was sent from: a new candidate's emails are written in it. */
  locale?: TLocale;
}

type CandidateRow = InferEntity<typeof Candidate>;

/**
 * The notice the applicant saw must be a published version that is in
 * effect or was replaced only by changes that are not material; otherwise
 * they must read the new one first.
 */
function acceptedNotice(notices: TCareersNotice[], version: number): TCareersNotice | 'stale' | null {
  const current = noticeInEffect(notices);
  if (!current) return null;
  const seen = notices.find((n) => n.version === version && n.version <= current.version);
  if (!seen) return 'stale';
  const materialSince = notices.some(
    (n) => n.version > seen.version && n.version <= current.version && n.materialChange,
  );
  return materialSince ? 'stale' : seen;
}

/**
 * Finds the candidate by email or creates one. Known details (the language
 * too) are never overwritten by an unverified form.
 */
async function candidateFor(
  tx: Em,
  tenantId: string,
  input: TApplyInput,
  locale: TLocale,
): Promise<CandidateRow> {
  const existing = await tx.findOne(Candidate, { email: input.email });
  if (existing) {
    existing.phone ??= input.phone;
    existing.phoneDigits ??= phoneKey(input.phone);
    existing.location ??= input.location;
    if (existing.links.length === 0) existing.links = input.links;
    return existing;
  }
  const candidate = tx.create(Candidate, {
    tenant: tenantId,
    name: input.name,
    email: input.email,
    phone: input.phone,
    phoneDigits: phoneKey(input.phone),
    nameKey: nameKey(input.name),
    location: input.location,
    links: input.links,
    source: 'careers_site',
    locale,
  });
  return candidate;
}

/** What the applicant is told: only what their own form decided (see ZApplyResult), the same for a first and a second application. */
function answerTo(
  jobTitle: string,
  input: TApplyInput,
  noticeVersion: number,
  gpc: boolean,
  decisions: Array<{ label: string; given: boolean }>,
): TApplyResult {
  return {
    jobTitle,
    email: input.email,
    noticeVersion,
    gpc,
    choices: [
      { label: PURPOSES.recruitment.label, choice: 'needed' },
      ...decisions.map((d) => ({
        label: d.label,
        choice: d.given ? ('consented' as const) : ('refused' as const),
      })),
    ],
  };
}

/**
 * What the confirmation says of the consent receipt: in plain words what it
 * is and how to keep it (the PDF), then one line pointing to the technical
 * details (the signed token, and how to verify it on the privacy page).
 */
function receiptParagraphs(t: Messages, receiptId: string, portalUrl: string, siteUrl: string): string[] {
  return [t.emailReceiptPlain(portalUrl), t.emailReceiptTechnical(receiptId, `${siteUrl}privacy/#receipts`)];
}

/**
 * The profile sections the job asked for and the applicant filled in, in
 * place of what was stored (an applicant knows best); sections left empty
 * keep what staff may have entered from an earlier resume.
 */
async function saveAskedProfile(
  tx: Em,
  key: Buffer,
  ref: { tenantId: string; candidateId: string },
  config: TApplyConfig,
  input: TApplyInput,
): Promise<void> {
  const given = Object.fromEntries(
    config.profileSections.flatMap((section) => {
      const value = input.profile[section];
      return (Array.isArray(value) ? value.length > 0 : value !== null) ? [[section, value]] : [];
    }),
  );
  if (Object.keys(given).length === 0) return;
  await saveProfile(tx, key, { ...ref, userId: null, sections: given });
}

/**
 * One application from the careers site. Everything it stores (candidate,
 * application, answers, resume, consent events and receipt, confirmation
 * email, audit event) is written in one transaction; the resume file is
 * written first under a pending name, promoted once the transaction
 * commits, and deleted again if it fails (files/file-store.ts).
 */
export async function applyToJob(
  deps: ApplyDeps,
  scope: ApplicantScope,
  request: ApplyRequest,
): Promise<ApplyOutcome> {
  const { tenant, em } = scope;
  const job = await em.findOne(Job, { id: request.jobId, status: { $in: ['open', 'closed'] } });
  if (!job) return { kind: 'not_found' };
  if (job.status !== 'open') return { kind: 'closed' };

  const settings = await privacySettingsOf(em, tenant.id);
  const notices = await publishedNotices(em);
  const current = noticeInEffect(notices);
  if (!current)
    return {
      kind: 'unavailable',
      message: 'Applications open once the company has published its privacy notice.',
    };

  const config = {
    ...tenantApplyConfig(settings),
    questions: publicQuestions(job),
    profileSections: job.profileSections ?? [],
    rightToWorkCountry: job.country ?? null,
    noticeVersion: current.version,
  };
  const file = request.fields.find(([name]) => name === 'resume')?.[1];
  const formValues = request.fields.map(([name, value]): [string, TFormValue] => [
    name,
    typeof value === 'string' ? value : { name: value.name, size: value.size },
  ]);
  const parsed = applySchemaFor(config).safeParse(applyInputFromForm(formValues));
  if (!parsed.success) return { kind: 'invalid', fieldErrors: formFieldErrors(parsed.error) };
  const input = parsed.data;

  const notice = acceptedNotice(notices, input.noticeVersion);
  if (notice === 'stale' || notice === null) {
    return {
      kind: 'invalid',
      fieldErrors: {
        noticeVersion: [
          'The privacy notice has changed since you opened this page: reload it, read it, and send again',
        ],
      },
    };
  }

  const bytes =
    file && typeof file !== 'string' ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  if (bytes.length > MAX_RESUME_BYTES)
    return { kind: 'invalid', fieldErrors: { resume: ['The file is larger than 10 MB'] } };
  const { contentType, problem } = await sniffDocument(bytes);
  if (!contentType) {
    return {
      kind: 'invalid',
      fieldErrors: {
        resume: [problem ?? 'This file is not a PDF, Word (.docx) or OpenDocument (.odt) document'],
      },
    };
  }

  // GPC declines every marketing-type purpose, whatever the boxes said.
  const decisions = config.purposes.map((p) => ({
    purpose: p.key,
    label: p.label,
    given: input.consents[p.key] === true && !(request.gpc && p.marketing),
  }));
  const siteUrl = `${deps.publicUrl}/careers/${tenant.slug}/`;
  // A tenant key must be committed before a candidate key file names it, so not inside the transaction.
  const tenantKey = await ensureTenantDataKey(em, deps, tenant.id);
  // The resume is sealed with the candidate's key, known only inside the transaction (which may run twice).
  const written: string[] = [];
  try {
    await inTransactionRetryingOnce(em, async (tx) => {
      const actor = { tenantId: tenant.id, userId: null, requestId: request.requestId };
      const candidate = await candidateFor(tx, tenant.id, input, request.locale ?? 'en');
      const key = await candidateKey(
        tx,
        deps,
        { tenantId: tenant.id, candidateId: candidate.id },
        { create: true, tenantKey },
      );
      // Pending until the transaction commits: a crash before that leaves nothing the leftover sweep would not remove.
      const storageKey = await deps.files.putPending(sealFor(key, bytes));
      written.push(storageKey);
      await pauseForCrashTest();
      const application = await createApplicationIn(tx, actor, {
        candidate,
        jobId: job.id,
        source: 'careers_site',
        answers: sealAnswers(
          key,
          job.questions.flatMap((q) => {
            const answer = input.answers[q.id];
            return answer ? [{ questionId: q.id, label: q.label, answer }] : [];
          }),
        ),
        fromForm: {
          noticeVersion: notice.version,
          coverLetter: input.coverLetter ? sealFor(key, input.coverLetter) : input.coverLetter,
          salaryExpectation: input.salaryExpectation,
        },
      });
      await saveAskedProfile(tx, key, { tenantId: tenant.id, candidateId: candidate.id }, config, input);
      // A knockout answer does not reject anyone by itself: it flags the application for a person to decide.
      if (job.questions.some((q) => q.knockoutAnswer !== null && input.answers[q.id] === q.knockoutAnswer)) {
        tx.create(ApplicationTag, { tenant: tenant.id, application, tag: 'knockout-answer' });
      }
      tx.create(Attachment, {
        tenant: tenant.id,
        candidate,
        application,
        kind: 'resume',
        filename: input.resume.name,
        contentType,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storageKey,
        encrypted: true,
        uploadedBy: null,
      });
      const receipt = await recordConsents(tx, {
        tenant,
        contactEmail: settings.contactEmail,
        siteUrl,
        candidate,
        application,
        noticeVersion: notice.version,
        decisions,
        channel: 'careers_apply',
        gpc: request.gpc,
        masterKey: deps.masterKey,
      });
      const survey = surveyUrl(deps.hashKey, deps.publicUrl, tenant, application.id, candidate.locale);
      // A person who restricted processing may still apply: the application is held with the rest of
      // their data (candidates/restriction.ts). The confirmation still goes out, saying so (t.emailRestricted):
      // it answers their own request and carries their consent receipt, and it is no hiring step.
      const t = messagesFor(candidate.locale);
      const reference = application.id.slice(0, 8).toUpperCase();
      const portalUrl = candidatePortalLink(tenant, deps.publicUrl, candidate.locale);
      const email = renderEmail(
        tenant,
        'application_received',
        { candidate_name: candidate.name, job_title: jobTitleIn(job, candidate.locale, tenant) },
        deps.publicUrl,
        candidate.locale,
        [
          t.emailReference(reference),
          ...(candidate.restrictedAt ? [t.emailRestricted] : []),
          ...receiptParagraphs(t, receipt.id, portalUrl, siteUrl),
          ...(survey ? [`${t.surveyEmailLine}\n${survey}`] : []),
        ],
      );
      enqueueEmail(tx, {
        tenantId: tenant.id,
        candidateId: candidate.id,
        to: candidate.email,
        ...email,
        attachments: [
          {
            filename: `consent-receipt-${receipt.id}.jwt`,
            contentType: 'application/jwt',
            contentBase64: Buffer.from(receipt.jws).toString('base64'),
          },
          {
            filename: receiptPdfFileName(receipt.id),
            contentType: DOCUMENT_TYPES.pdf,
            contentBase64: consentReceiptPdf({
              payload: receipt.payload,
              kid: receipt.kid,
              jobTitle: jobTitleIn(job, candidate.locale, tenant),
              portalUrl,
              jwksUrl: `${siteUrl}jwks.json`,
              locale: candidate.locale,
            }).toString('base64'),
          },
        ],
      });
      // Everything else is written first: the audit event's flush locks the tenant's audit chain head, which
      // concurrent applications queue on, and the lock is then held only for that insert and the commit.
      await tx.flush();
      recordAudit(tx, actor, {
        action: 'application.apply',
        targetType: 'Application',
        targetId: application.id,
        subjectId: candidate.id,
      });
    });
    // A first attempt that was retried left its file behind.
    for (const stale of written.slice(0, -1)) await deps.files.remove(stale);
    // Committed: the resume gets its final name. Should that fail, it still reads, and the leftover sweep promotes it.
    for (const kept of written.slice(-1)) {
      await deps.files
        .promote(kept)
        .catch((error: unknown) => deps.logger.warn('resume not promoted', errorFields(error)));
    }
    indexDocumentsSoon();
    await tenantChanged(em, tenant.id).catch((error: unknown) =>
      deps.logger.warn('tenant change not counted', { tenantId: tenant.id, ...errorFields(error) }),
    );
    deps.logger.info('application received', { tenantId: tenant.id, jobId: job.id });
  } catch (error) {
    for (const storageKey of written) await deps.files.remove(storageKey);
    if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    // Applied to this job before: the same answer as a first application (saying "you already applied"
    // would tell anyone who types an address whether that person applied); the owner is told by email.
    // The attempt went as far as a first one (file sealed and written, then rolled back), so it takes about as long.
    await tellAlreadyApplied(em, tenant, job, input.email, deps.publicUrl);
    deps.logger.info('application already on file', { tenantId: tenant.id, jobId: job.id });
  }
  return { kind: 'received', result: answerTo(job.title, input, notice.version, request.gpc, decisions) };
}

/**
 * Two first applications with the same email at the same moment both try to
 * create the candidate; the loser's unique violation is retried once, and
 * then finds the candidate (or the application) the winner made.
 */
async function inTransactionRetryingOnce<T>(em: Em, work: (tx: Em) => Promise<T>): Promise<T> {
  try {
    return await em.transactional(work);
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    return em.transactional(work);
  }
}
