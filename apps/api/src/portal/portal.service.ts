import type { PortalConsent, PortalData, PortalDone } from '@candor/careers';
import {
  Application,
  Candidate,
  ConsentEvent,
  ConsentReceipt,
  type Em,
  type InferEntity,
  PrivacyRequest,
  type TExecutedAction,
  type Tenant,
} from '@candor/db';
import {
  DIVERSITY_PURPOSE,
  dayOf,
  formFieldErrors,
  isTransfer,
  jurisdictionOf,
  nameKey,
  noticeInEffect,
  phoneKey,
  requestDeadlines,
  type TConsentDecision,
  TRANSFER_SAFEGUARD_LABELS,
  type TRequestStatus,
  type TRequestType,
  type TTransferSafeguard,
  ZEmail,
  ZPersonName,
  ZPhone,
  ZProfileLink,
  ZPurposeKey,
} from '@candor/schemas';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import {
  BACKGROUND_CHECK_PURPOSE,
  dropReports,
  stopChecksOnWithdrawal,
} from '../background-checks/background-checks.service.js';
import { recordConsents } from '../consent/consent.service.js';
import { deleteDiversityAnswers } from '../diversity/survey.service.js';
import type { FileStore } from '../files/file-store.js';
import type { DataKeys } from '../keys/data-keys.js';
import { enqueueEmail } from '../mail/outbox.js';
import { withdrawPendingMarketing } from '../messages/compose-rules.js';
import { disclosuresOf } from '../privacy/disclosures.service.js';
import { publishedNotices } from '../privacy/notices.service.js';
import { privacySettingsOf } from '../privacy/privacy-settings.service.js';
import { notifyRecipientsOfRequest } from '../privacy/recipient-notices.js';
import { buildSubjectExportZip } from '../privacy/subject-export.js';
import { dropTenantCopies } from '../reports/report-cache.js';
import { type PortalRequestMail, requestEmail, withdrawalEmail } from './portal-emails.js';

type TenantRow = InferEntity<typeof Tenant>;
type CandidateRow = InferEntity<typeof Candidate>;
type BackgroundCheckRow = Awaited<ReturnType<typeof stopChecksOnWithdrawal>>[number];

/** Who is signed in to the portal: an email address proved by a code, at one tenant. */
export interface PortalSubject {
  tenant: TenantRow;
  email: string;
  requestId: string;
}

export interface PortalDeps extends DataKeys {
  publicUrl: string;
  files: FileStore;
}

export type PortalOutcome =
  | { kind: 'done'; done: PortalDone[]; receiptId?: string }
  | {
      kind: 'invalid';
      fieldErrors: Record<string, string[]>;
      values?: z.output<typeof ZPortalContact>;
      details?: string;
    };

const OPEN_STATUSES: TRequestStatus[] = ['received', 'verified', 'in_progress'];

/** The contact form. Empty optional fields clear the value; empty link inputs are dropped. */
const ZPortalContact = z.object({
  name: ZPersonName,
  email: ZEmail,
  phone: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(ZPhone.nullable()),
  location: z
    .string()
    .trim()
    .max(120, 'Keep this under 120 characters')
    .transform((v) => (v === '' ? null : v)),
  links: z
    .array(z.string().trim())
    .transform((links) => links.filter((l) => l !== ''))
    .pipe(z.array(ZProfileLink).max(10, 'Give at most 10 links')),
});

const ZCorrection = z
  .string()
  .trim()
  .min(1, 'Say what should change')
  .max(5000, 'Keep this under 5,000 characters');

function actor(subject: PortalSubject) {
  return { tenantId: subject.tenant.id, userId: null, requestId: subject.requestId };
}

function step(action: string, detail: string): TExecutedAction {
  return { at: new Date().toISOString(), action, detail };
}

async function candidateOf(em: Em, subject: PortalSubject): Promise<CandidateRow | null> {
  return em.findOne(Candidate, { email: subject.email });
}

/** The latest decision per purpose, from the candidate's events oldest first. */
function latestByPurpose(
  events: Array<InferEntity<typeof ConsentEvent>>,
): Map<string, InferEntity<typeof ConsentEvent>> {
  const latest = new Map<string, InferEntity<typeof ConsentEvent>>();
  for (const event of events) latest.set(event.purpose, event);
  return latest;
}

async function consentEventsOf(em: Em, candidate: CandidateRow) {
  return em.find(ConsentEvent, { candidate }, { orderBy: { occurredAt: 'asc', id: 'asc' } });
}

/** What the tenant holds about the address, for the portal's home page. */
export async function portalData(em: Em, subject: PortalSubject): Promise<PortalData> {
  const candidate = await candidateOf(em, subject);
  const requests = await em.find(
    PrivacyRequest,
    candidate
      ? { $or: [{ candidate }, { requesterEmail: subject.email }] }
      : { requesterEmail: subject.email },
    { orderBy: { receivedAt: 'desc', id: 'desc' } },
  );
  const requestRows = requests.map((r) => ({
    id: r.id,
    type: r.type,
    status: r.status,
    // The day it arrived (for a request staff entered, the day of the letter or call, not when they typed it in).
    receivedAt: r.receivedOn,
    dueOn: r.dueOn,
    completedAt: r.completedAt?.toISOString() ?? null,
  }));
  if (!candidate)
    return {
      email: subject.email,
      candidate: null,
      applications: [],
      consents: [],
      recipients: [],
      requests: requestRows,
    };

  const applications = await em.find(
    Application,
    { candidate },
    { populate: ['job', 'stage'], orderBy: { appliedAt: 'desc', id: 'desc' } },
  );
  const events = await consentEventsOf(em, candidate);
  const consents = new Map<string, PortalConsent>();
  for (const e of events) {
    const entry = consents.get(e.purpose) ?? {
      purpose: e.purpose,
      label: e.purposeLabel,
      current: e.decision,
      history: [],
    };
    entry.label = e.purposeLabel;
    entry.current = e.decision;
    entry.history.push({
      decision: e.decision,
      label: e.purposeLabel,
      noticeVersion: e.noticeVersion ?? null,
      occurredAt: e.occurredAt.toISOString(),
      receiptId: e.receipt?.id ?? null,
    });
    consents.set(e.purpose, entry);
  }
  return {
    email: subject.email,
    candidate: {
      name: candidate.name,
      email: candidate.email,
      phone: candidate.phone ?? null,
      location: candidate.location ?? null,
      links: candidate.links,
      restrictedAt: candidate.restrictedAt?.toISOString() ?? null,
    },
    applications: applications.map((a) => ({
      jobTitle: a.job.title,
      status: a.status,
      stageKind: a.stage.kind,
      appliedAt: a.appliedAt.toISOString(),
    })),
    consents: [...consents.values()],
    recipients: (await disclosuresOf(em, candidate.id)).map((d) => ({
      name: d.recipient.name,
      transfer:
        d.recipient.country && d.recipient.safeguard && isTransfer({ country: d.recipient.country })
          ? {
              country: d.recipient.country,
              safeguard:
                TRANSFER_SAFEGUARD_LABELS[d.recipient.safeguard as TTransferSafeguard] ??
                d.recipient.safeguard,
            }
          : null,
      categories: d.categories.map((c) => c.label),
      purpose: d.purpose,
      disclosedAt: d.disclosedAt,
    })),
    requests: requestRows,
  };
}

/** How a portal request's identity was verified, as its history shows it. */
const PORTAL_VERIFICATION = 'portal email code';

/**
 * Records a request the portal took, received now and due by the legal
 * deadline of the jurisdiction. The requester proved control of the address
 * with the emailed code, so the request is verified from the start (a
 * request for the team waits as `verified`, not for a staff click), and its
 * history says how. Without a country of their own, the country of the job
 * of the latest application decides.
 */
async function recordRequest(
  tx: Em,
  subject: PortalSubject,
  candidate: CandidateRow,
  input: {
    type: TRequestType;
    status: 'verified' | 'completed';
    actions: TExecutedAction[];
    details?: string;
  },
) {
  const latest = await tx.findOne(
    Application,
    { candidate },
    { orderBy: { appliedAt: 'desc', id: 'desc' }, populate: ['job'] },
  );
  const country = latest?.job.country ?? null;
  const jurisdiction = jurisdictionOf(country);
  const now = new Date();
  const request = tx.create(PrivacyRequest, {
    tenant: subject.tenant.id,
    candidate,
    type: input.type,
    channel: 'portal',
    requesterName: candidate.name,
    requesterEmail: subject.email,
    agentName: null,
    agentProof: null,
    details: input.details ?? '',
    country,
    jurisdiction,
    verification: 'verified',
    status: input.status,
    receivedAt: now,
    receivedOn: dayOf(now),
    dueOn: requestDeadlines(dayOf(now), jurisdiction, false).dueOn,
    // The portal's page and email acknowledge it at once.
    acknowledgedAt: now,
    actions: [step('identity.verified', PORTAL_VERIFICATION), ...input.actions],
    completedAt: input.status === 'completed' ? now : null,
  });
  recordAudit(tx, actor(subject), {
    action: `portal.${input.type}`,
    targetType: 'PrivacyRequest',
    targetId: request.id,
  });
  return request;
}

/** Confirms a request to the candidate's address, in their language. */
function mailRequest(
  tx: Em,
  deps: PortalDeps,
  subject: PortalSubject,
  candidate: CandidateRow,
  kind: PortalRequestMail,
  dueOn: string,
) {
  enqueueEmail(tx, {
    tenantId: subject.tenant.id,
    to: candidate.email,
    ...requestEmail(subject.tenant, { kind, dueOn }, deps.publicUrl, candidate.locale),
  });
}

/** A corrected contact value as a recipient's notice states it. */
function correctedValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(removed)';
  return Array.isArray(value) ? value.join(', ') || '(removed)' : String(value);
}

/**
 * Corrects contact details at once (a completed rectification). A new email
 * address is not applied: it would move the record to an address nobody has
 * proved, so it becomes a rectification request for the team.
 */
export async function updateContact(
  em: Em,
  deps: PortalDeps,
  subject: PortalSubject,
  form: unknown,
): Promise<PortalOutcome> {
  const parsed = ZPortalContact.safeParse(form);
  if (!parsed.success) return { kind: 'invalid', fieldErrors: formFieldErrors(parsed.error) };
  const input = parsed.data;
  return em.transactional(async (tx) => {
    const candidate = await candidateOf(tx, subject);
    if (!candidate) return { kind: 'done', done: [] };
    // Recipients know the person by the name they had when the data was disclosed.
    const before = { email: candidate.email, name: candidate.name };
    const changed: string[] = [];
    if (input.name !== candidate.name) {
      candidate.name = input.name;
      candidate.nameKey = nameKey(input.name);
      changed.push('name');
    }
    if (input.phone !== (candidate.phone ?? null)) {
      candidate.phone = input.phone;
      candidate.phoneDigits = phoneKey(input.phone);
      changed.push('phone');
    }
    if (input.location !== (candidate.location ?? null)) {
      candidate.location = input.location;
      changed.push('location');
    }
    if (JSON.stringify(input.links) !== JSON.stringify(candidate.links)) {
      candidate.links = input.links;
      changed.push('links');
    }
    const done: PortalDone[] = [];
    if (changed.length > 0) {
      candidate.lastActivityAt = new Date();
      const request = await recordRequest(tx, subject, candidate, {
        type: 'rectification',
        status: 'completed',
        actions: [step('candidate.update', `corrected by the subject: ${changed.join(', ')}`)],
      });
      const corrections = changed.map((property) => ({
        property,
        value: correctedValue(candidate[property as keyof typeof candidate]),
      }));
      await notifyRecipientsOfRequest(tx, request, 'rectification', before, { corrections });
      mailRequest(tx, deps, subject, candidate, 'contact_updated', request.dueOn);
      done.push('contact_updated');
    }
    if (input.email !== candidate.email) {
      const request = await recordRequest(tx, subject, candidate, {
        type: 'rectification',
        status: 'verified',
        actions: [],
        details: `Change my email address to ${input.email}`,
      });
      mailRequest(tx, deps, subject, candidate, 'rectification', request.dueOn);
      done.push('email_change_requested');
    }
    await tx.flush();
    return { kind: 'done', done: done.length ? done : ['contact_unchanged'] };
  });
}

/** A correction the applicant cannot make themselves: a rectification request for the team. */
export async function requestCorrection(
  em: Em,
  deps: PortalDeps,
  subject: PortalSubject,
  details: unknown,
): Promise<PortalOutcome> {
  const parsed = ZCorrection.safeParse(typeof details === 'string' ? details : '');
  if (!parsed.success) {
    return {
      kind: 'invalid',
      fieldErrors: { details: parsed.error.issues.map((i) => i.message) },
      details: typeof details === 'string' ? details.slice(0, 5000) : '',
    };
  }
  return em.transactional(async (tx) => {
    const candidate = await candidateOf(tx, subject);
    if (!candidate) return { kind: 'done', done: [] };
    const request = await recordRequest(tx, subject, candidate, {
      type: 'rectification',
      status: 'verified',
      actions: [],
      details: parsed.data,
    });
    mailRequest(tx, deps, subject, candidate, 'rectification', request.dueOn);
    await tx.flush();
    return { kind: 'done', done: ['rectification_requested'] };
  });
}

/**
 * Withdraws consent for the given purposes (those whose latest decision is
 * `given`): one `withdrawn` event each under the notice in effect, one
 * signed receipt, emailed. Returns null when there was nothing to withdraw.
 */
async function withdraw(
  tx: Em,
  deps: PortalDeps,
  subject: PortalSubject,
  candidate: CandidateRow,
  purposes: (purpose: string) => boolean,
  objection: boolean,
): Promise<{ receiptId: string; purposes: string[]; stoppedChecks: BackgroundCheckRow[] } | null> {
  const latest = latestByPurpose(await consentEventsOf(tx, candidate));
  const given = [...latest.values()].filter((e) => e.decision === 'given' && purposes(e.purpose));
  if (given.length === 0) return null;
  const settings = await privacySettingsOf(tx, subject.tenant.id);
  const current = noticeInEffect(await publishedNotices(tx));
  // A receipt names a notice version; without one in effect, the one consent was given under.
  const noticeVersion = current?.version ?? given[0]?.noticeVersion ?? 0;
  const receipt = await recordConsents(tx, {
    tenant: subject.tenant,
    contactEmail: settings.contactEmail,
    siteUrl: `${deps.publicUrl}/careers/${subject.tenant.slug}/`,
    candidate,
    application: null,
    noticeVersion,
    decisions: given.map((e) => ({
      purpose: e.purpose,
      label: e.purposeLabel,
      given: false,
      decision: 'withdrawn' as TConsentDecision,
    })),
    channel: 'privacy_portal',
    gpc: false,
    masterKey: deps.masterKey,
  });
  // Withdrawing the survey's consent deletes the answers it covered (they were given for nothing else).
  if (given.some((e) => e.purpose === DIVERSITY_PURPOSE)) await deleteDiversityAnswers(tx, candidate.id);
  // Withdrawing a background check's authorization stops the check; its report is deleted once this commits.
  const stoppedChecks = given.some((e) => e.purpose === BACKGROUND_CHECK_PURPOSE)
    ? await stopChecksOnWithdrawal(tx, candidate.id)
    : [];
  // Marketing written while they consented must not go out after.
  await withdrawPendingMarketing(tx, subject.tenant.id, candidate.id);
  const email = withdrawalEmail(
    subject.tenant,
    { purposes: given.map((e) => e.purposeLabel), receiptId: receipt.id, objection },
    deps.publicUrl,
    candidate.locale,
  );
  enqueueEmail(tx, {
    tenantId: subject.tenant.id,
    to: candidate.email,
    ...email,
    attachments: [
      {
        filename: `consent-receipt-${receipt.id}.jwt`,
        contentType: 'application/jwt',
        contentBase64: Buffer.from(receipt.jws).toString('base64'),
      },
    ],
  });
  return { receiptId: receipt.id, purposes: given.map((e) => e.purpose), stoppedChecks };
}

/** Withdraws one consent at once; leaving the talent pool is withdrawing `talent_pool`. */
export async function withdrawConsent(
  em: Em,
  deps: PortalDeps,
  subject: PortalSubject,
  purpose: unknown,
): Promise<PortalOutcome> {
  const key = ZPurposeKey.safeParse(purpose);
  if (!key.success) return { kind: 'done', done: ['nothing_to_withdraw'] };
  const { outcome, stoppedChecks } = await em.transactional(async (tx) => {
    const candidate = await candidateOf(tx, subject);
    if (!candidate) return { outcome: { kind: 'done', done: [] } as PortalOutcome, stoppedChecks: [] };
    const withdrawn = await withdraw(tx, deps, subject, candidate, (p) => p === key.data, false);
    if (!withdrawn)
      return { outcome: { kind: 'done', done: ['nothing_to_withdraw'] } as PortalOutcome, stoppedChecks: [] };
    await recordRequest(tx, subject, candidate, {
      type: 'consent_withdrawal',
      status: 'completed',
      actions: [step('consent.withdraw', `${key.data}; receipt ${withdrawn.receiptId}`)],
    });
    await tx.flush();
    return {
      outcome: { kind: 'done', done: ['consent_withdrawn'], receiptId: withdrawn.receiptId } as PortalOutcome,
      stoppedChecks: withdrawn.stoppedChecks,
    };
  });
  // A stopped check's report has no basis left (Art. 10): deleted now, not at the next retention run.
  await dropReports(em, deps.files, stoppedChecks);
  return outcome;
}

/**
 * An objection to marketing, which the applicant need not justify and which
 * is absolute (Art. 21(2)-(3)): every marketing-type purpose is withdrawn at
 * once, and the objection is recorded even when none was given.
 */
export async function objectToMarketing(
  em: Em,
  deps: PortalDeps,
  subject: PortalSubject,
): Promise<PortalOutcome> {
  return em.transactional(async (tx) => {
    const candidate = await candidateOf(tx, subject);
    if (!candidate) return { kind: 'done', done: [] };
    const settings = await privacySettingsOf(tx, subject.tenant.id);
    const marketing = new Set(settings.consentPurposes.filter((p) => p.marketing).map((p) => p.key));
    const withdrawn = await withdraw(tx, deps, subject, candidate, (p) => marketing.has(p), true);
    const request = await recordRequest(tx, subject, candidate, {
      type: 'objection',
      status: 'completed',
      actions: [
        ...(withdrawn
          ? [step('consent.withdraw', `${withdrawn.purposes.join(', ')}; receipt ${withdrawn.receiptId}`)]
          : []),
        step('marketing.objection', 'no marketing email from now on'),
      ],
    });
    if (!withdrawn) mailRequest(tx, deps, subject, candidate, 'objection', request.dueOn);
    await tx.flush();
    return {
      kind: 'done',
      done: ['marketing_stopped'],
      ...(withdrawn ? { receiptId: withdrawn.receiptId } : {}),
    };
  });
}

/** Restriction of processing (Art. 18), at once; staff procedures honour `restrictedAt`. */
export async function restrictProcessing(
  em: Em,
  deps: PortalDeps,
  subject: PortalSubject,
): Promise<PortalOutcome> {
  return em.transactional(async (tx) => {
    const candidate = await candidateOf(tx, subject);
    if (!candidate) return { kind: 'done', done: [] };
    if (candidate.restrictedAt) return { kind: 'done', done: ['restricted'] };
    candidate.restrictedAt = new Date();
    const request = await recordRequest(tx, subject, candidate, {
      type: 'restriction',
      status: 'completed',
      actions: [step('candidate.restrict', 'processing restricted')],
    });
    await notifyRecipientsOfRequest(tx, request, 'restriction', {
      email: candidate.email,
      name: candidate.name,
    });
    mailRequest(tx, deps, subject, candidate, 'restriction', request.dueOn);
    await tx.flush();
    // Counts kept from before must not be served (reports/report-cache.ts).
    await dropTenantCopies(tx, candidate.tenant.id);
    return { kind: 'done', done: ['restricted'] };
  });
}

/** An erasure request for the team to carry out; one open at a time. */
export async function requestErasure(
  em: Em,
  deps: PortalDeps,
  subject: PortalSubject,
  confirmed: boolean,
): Promise<PortalOutcome> {
  if (!confirmed) return { kind: 'invalid', fieldErrors: { confirm: ['Tick the box to confirm'] } };
  return em.transactional(async (tx) => {
    const candidate = await candidateOf(tx, subject);
    if (!candidate) return { kind: 'done', done: [] };
    const open = await tx.count(PrivacyRequest, {
      candidate,
      type: 'erasure',
      status: { $in: OPEN_STATUSES },
    });
    if (open > 0) return { kind: 'done', done: ['erasure_requested'] };
    const request = await recordRequest(tx, subject, candidate, {
      type: 'erasure',
      status: 'verified',
      actions: [],
    });
    mailRequest(tx, deps, subject, candidate, 'erasure', request.dueOn);
    await tx.flush();
    return { kind: 'done', done: ['erasure_requested'] };
  });
}

/** Everything about the applicant as a zip, at once; the access request is recorded as completed. */
export async function exportForSubject(
  em: Em,
  deps: PortalDeps,
  subject: PortalSubject,
): Promise<Uint8Array | null> {
  const candidate = await candidateOf(em, subject);
  if (!candidate) return null;
  const zip = await buildSubjectExportZip(em, deps, candidate.id, 'subject');
  await em.transactional(async (tx) => {
    const row = await tx.findOneOrFail(Candidate, candidate.id);
    await recordRequest(tx, subject, row, {
      type: 'access',
      status: 'completed',
      actions: [step('export.download', 'zip downloaded in the portal')],
    });
    await tx.flush();
  });
  return zip;
}

/** A consent receipt of the signed-in applicant (never anyone else's), as its compact JWS. */
export async function receiptForSubject(
  em: Em,
  subject: PortalSubject,
  receiptId: string,
): Promise<{ id: string; jws: string } | null> {
  if (!z.uuid().safeParse(receiptId).success) return null;
  const candidate = await candidateOf(em, subject);
  if (!candidate) return null;
  const receipt = await em.findOne(ConsentReceipt, { id: receiptId, candidate });
  return receipt ? { id: receipt.id, jws: receipt.jws } : null;
}
