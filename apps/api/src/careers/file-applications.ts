import { type Messages, messagesFor } from '@candor/careers';
import {
  ApplicationIntake,
  ApplicationTag,
  Attachment,
  Candidate,
  type Em,
  type InferEntity,
  Job,
  type Orm,
  TENANT_FILTER,
  Tenant,
  UniqueConstraintViolationException,
} from '@candor/db';
import { DOCUMENT_TYPES, nameKey, phoneKey, type TLocale } from '@candor/schemas';
import { createApplicationIn } from '../applications/create-application.js';
import { recordAudit } from '../audit/audit.service.js';
import { saveProfile } from '../candidates/profile.service.js';
import { recordConsents } from '../consent/consent.service.js';
import { consentReceiptPdf, receiptPdfFileName } from '../consent/receipt-pdf.js';
import { surveyUrl } from '../diversity/survey.service.js';
import { pauseForCrashTest } from '../files/crash-test-pause.js';
import {
  candidateKey,
  destroyCandidateKey,
  ensureTenantDataKey,
  openWith,
  sealAnswers,
  sealFor,
} from '../keys/data-keys.js';
import { errorFields } from '../logging/logger.js';
import { jobTitleIn } from '../mail/candidate-language.js';
import { candidatePortalLink, renderEmail } from '../mail/email-templates.service.js';
import { enqueueEmail } from '../mail/outbox.js';
import { privacySettingsOf } from '../privacy/privacy-settings.service.js';
import { indexDocumentsSoon } from '../search/index-requests.js';
import { AppError } from '../trpc/app-error.js';
import { tenantChanged } from '../trpc/tenant-changes.js';
import { tellAlreadyApplied } from './already-applied.js';
import type { ApplyDeps } from './apply.service.js';
import type { IntakeForm } from './intake-form.js';

type CandidateRow = InferEntity<typeof Candidate>;
type TenantRow = InferEntity<typeof Tenant>;
type IntakeRow = InferEntity<typeof ApplicationIntake>;

const ANY_TENANT = { filters: { [TENANT_FILTER]: false } };
/** How long filing may hold a row before another worker may take it (its worker died). */
export const INTAKE_CLAIM_MS = 60_000;
/** Attempts before a row is left for staff to look at (the job fails, saying so). */
export const INTAKE_MAX_ATTEMPTS = 5;
/** Rows a worker claims at once. */
const BATCH = 25;

export interface FilingDeps extends ApplyDeps {
  /** How long a claim holds (tests shorten it to see a dead worker's rows taken over). */
  claimMs?: number;
}

export interface FilingRound {
  filed: number;
  alreadyApplied: number;
  failed: number;
  /** Rows that failed INTAKE_MAX_ATTEMPTS times and wait for a person. */
  stuck: number;
}

/**
 * Files the applications received on the careers site and not filed yet
 * (ApplicationIntake rows), oldest first, batch after batch until none is
 * left or `shouldStop` says so. Each row is claimed first, with a
 * conditional update, so two workers never file the same one, and filed in
 * its own transaction that also deletes it: a crash leaves the row to be
 * filed again, never half filed. Restricting `tenantId` files one tenant's
 * rows only (before an export or an erasure for that tenant).
 */
export async function fileReceivedApplications(
  deps: FilingDeps,
  options: { tenantId?: string; shouldStop?: () => boolean } = {},
): Promise<FilingRound> {
  const round: FilingRound = { filed: 0, alreadyApplied: 0, failed: 0, stuck: 0 };
  const claimMs = deps.claimMs ?? INTAKE_CLAIM_MS;
  for (;;) {
    const claimed = await claimBatch(deps.orm, claimMs, options.tenantId);
    for (const row of claimed) {
      const outcome = await fileOne(deps, row).catch((error: unknown) => {
        deps.logger.error('received application not filed', {
          intakeId: row.id,
          tenantId: row.tenantId,
          attempt: row.attempts,
          ...errorFields(error),
        });
        return { kind: 'failed' as const, error };
      });
      if (outcome.kind === 'filed') round.filed++;
      else if (outcome.kind === 'already_applied') round.alreadyApplied++;
      else if (outcome.kind === 'failed') {
        round.failed++;
        await deps.orm.em
          .fork()
          .nativeUpdate(
            ApplicationIntake,
            { id: row.id },
            { lastError: errorKind(outcome.error), claimedUntil: null },
            ANY_TENANT,
          );
        if (row.attempts >= INTAKE_MAX_ATTEMPTS) round.stuck++;
      }
    }
    if (claimed.length < BATCH || options.shouldStop?.()) return round;
  }
}

/** The error's kind for the row (never its message, which can quote the form). */
function errorKind(error: unknown): string {
  if (!(error instanceof Error)) return 'Error';
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' ? `${error.name} (${code})` : error.name).slice(0, 200);
}

/** A row this worker claimed: who it is for and which attempt this is. */
type Claimed = { id: string; tenantId: string; attempts: number };

async function claimBatch(orm: Orm, claimMs: number, tenantId?: string): Promise<Claimed[]> {
  const em = orm.em.fork();
  const now = new Date();
  const due = await em.find(
    ApplicationIntake,
    {
      ...(tenantId ? { tenant: tenantId } : {}),
      $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }],
      attempts: { $lt: INTAKE_MAX_ATTEMPTS },
    },
    {
      ...ANY_TENANT,
      orderBy: { receivedAt: 'asc', id: 'asc' },
      limit: BATCH,
      fields: ['id', 'tenant', 'claimedUntil', 'attempts'],
    },
  );
  const claimed: Claimed[] = [];
  const until = new Date(now.getTime() + claimMs);
  for (const row of due) {
    // Only if no other worker claimed it since it was read.
    const taken = await em.nativeUpdate(
      ApplicationIntake,
      { id: row.id, claimedUntil: row.claimedUntil, attempts: row.attempts },
      { claimedUntil: until, attempts: row.attempts + 1 },
      ANY_TENANT,
    );
    if (taken === 1) claimed.push({ id: row.id, tenantId: row.tenant.id, attempts: row.attempts + 1 });
  }
  return claimed;
}

type FileOutcome = { kind: 'filed' } | { kind: 'already_applied' } | { kind: 'gone' };

/**
 * One received application, filed: the candidate (found by email, or made
 * with the intake's key), the application, answers, profile, resume,
 * consent events and receipt, the confirmation email and the audit event,
 * in one transaction that also deletes the intake row. The resume is
 * written under a pending name first and promoted once that commits.
 */
async function fileOne(deps: FilingDeps, claimed: Claimed): Promise<FileOutcome> {
  const em = deps.orm.em.fork();
  const row = await em.findOne(ApplicationIntake, { id: claimed.id }, ANY_TENANT);
  const tenant = row ? await em.findOne(Tenant, { id: row.tenant.id }) : null;
  if (!row || !tenant) return { kind: 'gone' };
  em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
  const ref = { tenantId: tenant.id, candidateId: row.candidateKeyId };
  const intakeKey = await candidateKey(em, deps, ref);
  if (!intakeKey) {
    // Its key was destroyed (the address was erased meanwhile): nothing can be read, nothing is kept.
    await em.nativeDelete(ApplicationIntake, { id: row.id });
    return { kind: 'gone' };
  }
  const form = JSON.parse(openWith(intakeKey, row.form)) as IntakeForm;
  const bytes = openWith(intakeKey, row.resume);
  const job = await em.findOneOrFail(Job, { id: row.job.id });
  const settings = await privacySettingsOf(em, tenant.id);
  // A tenant key must be committed before a candidate key file names it, so not inside the transaction.
  const tenantKey = await ensureTenantDataKey(em, deps, tenant.id);
  const written: string[] = [];
  let keptIntakeKey = false;
  try {
    await inTransactionRetryingOnce(em, async (tx) => {
      const candidate = await candidateFor(tx, tenant.id, row, form);
      keptIntakeKey = candidate.id === row.candidateKeyId;
      const key = keptIntakeKey
        ? intakeKey
        : await candidateKey(
            tx,
            deps,
            { tenantId: tenant.id, candidateId: candidate.id },
            { create: true, tenantKey },
          );
      // Pending until the transaction commits: a crash before that leaves nothing the leftover sweep would not remove.
      const storageKey = await deps.files.putPending(sealFor(key, bytes));
      written.push(storageKey);
      await pauseForCrashTest();
      await fileInto(tx, deps, { tenant, job, row, form, candidate, key, storageKey, settings });
      // Filed once: a second worker that took the row over (this one was slow) rolls back here.
      if ((await tx.nativeDelete(ApplicationIntake, { id: row.id })) !== 1)
        throw new AppError('CONFLICT', 'filed by another worker');
    });
    for (const stale of written.slice(0, -1)) await deps.files.remove(stale);
    // Committed: the resume gets its final name. Should that fail, it still reads, and the leftover sweep promotes it.
    for (const kept of written.slice(-1)) {
      await deps.files
        .promote(kept)
        .catch((error: unknown) => deps.logger.warn('resume not promoted', errorFields(error)));
    }
    if (!keptIntakeKey) await destroyCandidateKey(deps, ref);
    indexDocumentsSoon();
    await tenantChanged(em, tenant.id).catch((error: unknown) =>
      deps.logger.warn('tenant change not counted', { tenantId: tenant.id, ...errorFields(error) }),
    );
    deps.logger.info('application filed', { tenantId: tenant.id, jobId: job.id });
    return { kind: 'filed' };
  } catch (error) {
    for (const storageKey of written) await deps.files.remove(storageKey);
    if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    // Applied to this job before: the owner of the address is told by email, and nothing of this form is kept.
    const told = await em.transactional(async (tx) => {
      if ((await tx.nativeDelete(ApplicationIntake, { id: row.id })) !== 1) return false;
      await tellAlreadyApplied(tx, tenant, job, form.input.email, deps.publicUrl);
      return true;
    });
    if (!told) return { kind: 'gone' };
    await destroyCandidateKey(deps, ref);
    deps.logger.info('application already on file', { tenantId: tenant.id, jobId: job.id });
    return { kind: 'already_applied' };
  }
}

/**
 * Finds the candidate by email or creates one with the intake's key id (so
 * the key the form was sealed with becomes theirs). Known details (the
 * language too) are never overwritten by an unverified form.
 */
async function candidateFor(
  tx: Em,
  tenantId: string,
  row: IntakeRow,
  form: IntakeForm,
): Promise<CandidateRow> {
  const { input } = form;
  const existing = await tx.findOne(Candidate, { email: input.email });
  if (existing) {
    existing.phone ??= input.phone;
    existing.phoneDigits ??= phoneKey(input.phone);
    existing.location ??= input.location;
    if (existing.links.length === 0) existing.links = input.links;
    return existing;
  }
  return tx.create(Candidate, {
    id: row.candidateKeyId,
    tenant: tenantId,
    name: input.name,
    email: input.email,
    phone: input.phone,
    phoneDigits: phoneKey(input.phone),
    nameKey: nameKey(input.name),
    location: input.location,
    links: input.links,
    source: 'careers_site',
    locale: form.locale,
    createdAt: row.receivedAt,
  });
}

/**
 * What the confirmation says of the consent receipt: in plain words what it
 * is and how to keep it (the PDF), then one line pointing to the technical
 * details (the signed token, and how to verify it on the privacy page).
 */
function receiptParagraphs(t: Messages, receiptId: string, portalUrl: string, siteUrl: string): string[] {
  return [t.emailReceiptPlain(portalUrl), t.emailReceiptTechnical(receiptId, `${siteUrl}privacy/#receipts`)];
}

/** The application's rows, written in the filing transaction. */
async function fileInto(
  tx: Em,
  deps: FilingDeps,
  args: {
    tenant: TenantRow;
    job: InferEntity<typeof Job>;
    row: IntakeRow;
    form: IntakeForm;
    candidate: CandidateRow;
    key: Buffer;
    storageKey: string;
    settings: Awaited<ReturnType<typeof privacySettingsOf>>;
  },
): Promise<void> {
  const { tenant, job, row, form, candidate, key, storageKey, settings } = args;
  const { input } = form;
  const actor = { tenantId: tenant.id, userId: null, requestId: form.requestId };
  const siteUrl = `${deps.publicUrl}/careers/${tenant.slug}/`;
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
      appliedAt: row.receivedAt,
      noticeVersion: form.noticeVersion,
      coverLetter: input.coverLetter ? sealFor(key, input.coverLetter) : input.coverLetter,
      salaryExpectation: input.salaryExpectation,
    },
  });
  // The profile sections the job asked for and the applicant filled in replace what was stored (an applicant knows
  // best); sections left empty keep what staff may have entered from an earlier resume.
  const given = Object.fromEntries(
    form.profileSections.flatMap((section) => {
      const value = input.profile[section];
      return (Array.isArray(value) ? value.length > 0 : value !== null) ? [[section, value]] : [];
    }),
  );
  if (Object.keys(given).length > 0)
    await saveProfile(tx, key, {
      tenantId: tenant.id,
      candidateId: candidate.id,
      userId: null,
      sections: given,
    });
  // A knockout answer does not reject anyone by itself: it flags the application for a person to decide.
  if (job.questions.some((q) => q.knockoutAnswer !== null && input.answers[q.id] === q.knockoutAnswer)) {
    tx.create(ApplicationTag, { tenant: tenant.id, application, tag: 'knockout-answer' });
  }
  tx.create(Attachment, {
    tenant: tenant.id,
    candidate,
    application,
    kind: 'resume',
    filename: form.resume.name,
    contentType: form.resume.contentType,
    size: form.resume.size,
    sha256: form.resume.sha256,
    storageKey,
    encrypted: true,
    uploadedBy: null,
    createdAt: row.receivedAt,
  });
  const receipt = await recordConsents(tx, {
    tenant,
    contactEmail: settings.contactEmail,
    siteUrl,
    candidate,
    application,
    noticeVersion: form.noticeVersion,
    decisions: form.decisions,
    channel: 'careers_apply',
    gpc: form.gpc,
    masterKey: deps.masterKey,
    at: row.receivedAt,
  });
  const survey = surveyUrl(deps.hashKey, deps.publicUrl, tenant, application.id, candidate.locale);
  // A person who restricted processing may still apply: the application is held with the rest of
  // their data (candidates/restriction.ts). The confirmation still goes out, saying so (t.emailRestricted):
  // it answers their own request and carries their consent receipt, and it is no hiring step.
  const locale: TLocale = candidate.locale;
  const t = messagesFor(locale);
  const reference = application.id.slice(0, 8).toUpperCase();
  const portalUrl = candidatePortalLink(tenant, deps.publicUrl, locale);
  const jobTitle = jobTitleIn(job, locale, tenant);
  const email = renderEmail(
    tenant,
    'application_received',
    { candidate_name: candidate.name, job_title: jobTitle },
    deps.publicUrl,
    locale,
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
          jobTitle,
          portalUrl,
          jwksUrl: `${siteUrl}jwks.json`,
          locale,
        }).toString('base64'),
      },
    ],
  });
  // Everything else is written first: the audit event's flush locks the tenant's audit chain head, which
  // concurrent filings queue on, and the lock is then held only for that insert and the commit.
  await tx.flush();
  recordAudit(tx, actor, {
    action: 'application.apply',
    targetType: 'Application',
    targetId: application.id,
    subjectId: candidate.id,
  });
}

/**
 * Two first applications with the same email filed at the same moment both
 * try to create the candidate; the loser's unique violation is retried
 * once, and then finds the candidate (or the application) the winner made.
 */
async function inTransactionRetryingOnce<T>(em: Em, work: (tx: Em) => Promise<T>): Promise<T> {
  try {
    return await em.transactional(work);
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    return em.transactional(work);
  }
}
