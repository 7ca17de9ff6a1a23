import {
  Application,
  BackgroundCheck,
  ConsentReceipt,
  type Em,
  type InferEntity,
  Offer,
  TENANT_FILTER,
  Tenant,
  User,
} from '@candor/db';
import {
  isBusinessDay,
  noticeInEffect,
  type TApplicationBackgroundChecks,
  type TBackgroundCheck,
  type TBackgroundCheckEvent,
  type TBackgroundCheckSettings,
  type TBackgroundCheckStatus,
  waitingPeriodEnd,
  waitingPeriodOver,
} from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { hashToken, newToken } from '../auth/token-hash.js';
import { assertNotRestricted } from '../candidates/restriction.js';
import { recordConsents } from '../consent/consent.service.js';
import type { FileStore } from '../files/file-store.js';
import { sniffDocument } from '../files/sniff.js';
import { isBlindFor } from '../hiring/blind-review.js';
import { applicationScope } from '../hiring/job-scope.js';
import { candidateKey, type DataKeys, openText, openWith, sealFor } from '../keys/data-keys.js';
import { enqueueEmail } from '../mail/outbox.js';
import { recordDisclosure } from '../privacy/disclosures.service.js';
import { publishedNotices } from '../privacy/notices.service.js';
import { privacySettingsOf } from '../privacy/privacy-settings.service.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { FCRA_SUMMARY_OF_RIGHTS } from './fcra-texts.js';
import { type BackgroundCheckProvider, MANUAL_PROVIDER } from './providers.js';

type CheckRow = InferEntity<typeof BackgroundCheck>;
type ApplicationRow = InferEntity<typeof Application>;

/** What the service needs from the app: keys, files, mail links, the providers and the receipt key. */
export type CheckDeps = DataKeys & {
  files: FileStore;
  publicUrl: string;
  masterKey: Buffer;
  backgroundCheckProviders?: readonly BackgroundCheckProvider[];
};

export const BACKGROUND_CHECK_PURPOSE = 'background_check';
const PURPOSE_LABEL = 'Background check before an offer (standalone disclosure and authorization)';
/** What a provider receives to run the check. */
const ORDER_CATEGORIES = ['user.name', 'user.contact.email', 'user.professional.history'] as const;
export const MAX_REPORT_BYTES = 10 * 1024 * 1024;

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
/** Public pages: the token is the key, in any tenant. */
const byToken = { filters: { [TENANT_FILTER]: false } } as const;

export function providersOf(deps: Pick<CheckDeps, 'backgroundCheckProviders'>): BackgroundCheckProvider[] {
  return [MANUAL_PROVIDER, ...(deps.backgroundCheckProviders ?? [])];
}

export async function backgroundSettingsOf(em: Em, tenantId: string): Promise<TBackgroundCheckSettings> {
  return (await privacySettingsOf(em, tenantId)).backgroundChecks;
}

/**
 * Reports are criminal-offence data: only the roles the tenant named read
 * them (and a blind reviewer never sees a check at all: `visibleCheck`).
 */
export function mayReadReports(actor: Pick<Actor, 'role'>, settings: TBackgroundCheckSettings): boolean {
  return settings.viewerRoles.includes(actor.role);
}

function addEvent(row: CheckRow, kind: TBackgroundCheckEvent['kind'], detail: string, at = new Date()) {
  row.events = [...row.events, { kind, at: at.toISOString(), detail }];
}

/** Business days in (`from`, `to`]: what is left of a waiting period on `from`. */
export function businessDaysLeft(from: string, to: string, holidays: readonly string[]): number {
  let n = 0;
  for (
    let t = Date.parse(`${from}T00:00:00Z`) + 86_400_000;
    t <= Date.parse(`${to}T00:00:00Z`);
    t += 86_400_000
  )
    if (isBusinessDay(new Date(t).toISOString().slice(0, 10), holidays)) n++;
  return n;
}

async function visibleApplication(em: Em, actor: Actor, applicationId: string): Promise<ApplicationRow> {
  const app = await em.findOne(
    Application,
    { id: applicationId, ...(await applicationScope(em, actor)) },
    { populate: ['candidate', 'job', 'stage'] },
  );
  if (!app) throw new AppError('NOT_FOUND', 'No such application');
  return app;
}

/** A check on an application the actor may see, not blind for them. */
async function visibleCheck(
  em: Em,
  actor: Actor,
  id: string,
): Promise<{ row: CheckRow; app: ApplicationRow }> {
  const row = await em.findOne(BackgroundCheck, { id });
  if (!row) throw new AppError('NOT_FOUND', 'No such background check');
  const app = await visibleApplication(em, actor, row.application.id);
  if (isBlindFor(actor, app)) throw new AppError('NOT_FOUND', 'No such background check');
  return { row, app };
}

async function atOfferStage(em: Em, app: ApplicationRow): Promise<boolean> {
  if (app.stage.kind === 'offer') return true;
  return (await em.count(Offer, { application: app.id })) > 0;
}

const OPEN: readonly TBackgroundCheckStatus[] = [
  'requested',
  'authorized',
  'ordered',
  'report_received',
  'pre_adverse',
  'disputed',
];

function toDto(row: CheckRow, key: Buffer | null, canRead: boolean, now: Date): TBackgroundCheck {
  const disputeOpen = row.status === 'disputed';
  return {
    id: row.id,
    status: row.status,
    provider: row.provider,
    providerStatus: row.providerStatus ?? null,
    signedAt: row.signedAt?.toISOString() ?? null,
    signedName: row.signedName ?? null,
    report:
      row.reportStorageKey && row.reportReceivedAt
        ? {
            filename: canRead ? (row.reportFilename ?? 'report') : 'report',
            contentType: row.reportContentType ?? 'application/octet-stream',
            size: row.reportSize ?? 0,
            receivedAt: row.reportReceivedAt.toISOString(),
          }
        : null,
    canReadReport: canRead,
    waitUntil: row.waitUntil ?? null,
    finalNoticeAllowed:
      row.status === 'pre_adverse' &&
      !disputeOpen &&
      !!row.waitUntil &&
      waitingPeriodOver(row.waitUntil, now),
    dispute: row.disputedAt
      ? {
          // The dispute is about the report: it is read by the report's readers only.
          text: canRead ? openText(key, row.disputeText ?? '') : '',
          at: row.disputedAt.toISOString(),
          resolvedAt: row.disputeResolvedAt?.toISOString() ?? null,
          resolution: canRead ? openText(key, row.resolution ?? null) : null,
        }
      : null,
    events: row.events,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The checks of an application, as its page shows them; nothing for a blind reviewer. */
export async function checksOf(
  em: Em,
  actor: Actor,
  deps: DataKeys,
  applicationId: string,
  now = new Date(),
): Promise<TApplicationBackgroundChecks> {
  const app = await visibleApplication(em, actor, applicationId);
  const settings = await backgroundSettingsOf(em, actor.tenantId);
  if (isBlindFor(actor, app))
    return { hidden: true, enabled: settings.enabled, canRequest: false, reason: null, checks: [] };
  const rows = await em.find(BackgroundCheck, { application: app }, { orderBy: { createdAt: 'asc' } });
  const canRead = mayReadReports(actor, settings);
  const key =
    canRead && rows.some((r) => r.disputedAt)
      ? await candidateKey(em, deps, { tenantId: actor.tenantId, candidateId: app.candidate.id })
      : null;
  const open = rows.some((r) => OPEN.includes(r.status));
  const offer = await atOfferStage(em, app);
  const reason = !settings.enabled
    ? 'Background checks are off in the Privacy settings'
    : !offer
      ? 'A check can be requested at the offer stage only'
      : app.status !== 'active'
        ? `This application is ${app.status}`
        : open
          ? 'A check is already under way'
          : null;
  return {
    hidden: false,
    enabled: settings.enabled,
    canRequest: reason === null,
    reason,
    checks: rows.map((r) => toDto(r, key, canRead, now)),
  };
}

async function checkDto(em: Em, actor: Actor, deps: DataKeys, row: CheckRow, now = new Date()) {
  const all = await checksOf(em, actor, deps, row.application.id, now);
  const dto = all.checks.find((c) => c.id === row.id);
  if (!dto) throw new AppError('NOT_FOUND', 'No such background check');
  return dto;
}

/** Emails the candidate a link to the disclosure and authorization page. Offer stage only, only when enabled. */
export async function requestCheck(
  em: Em,
  actor: Actor,
  deps: CheckDeps,
  input: { applicationId: string },
): Promise<TBackgroundCheck> {
  const app = await visibleApplication(em, actor, input.applicationId);
  if (isBlindFor(actor, app)) throw new AppError('NOT_FOUND', 'No such application');
  assertNotRestricted(app.candidate, 'no background check can be requested');
  const state = await checksOf(em, actor, deps, app.id);
  if (!state.canRequest) throw new AppError('PRECONDITION_FAILED', state.reason ?? 'Not possible now');
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  const token = newToken();
  const row = await em.transactional(async (tx) => {
    const created = tx.create(BackgroundCheck, {
      tenant: actor.tenantId,
      application: app.id,
      status: 'requested',
      provider: MANUAL_PROVIDER.key,
      tokenHash: hashToken(token),
      events: [],
      createdBy: tx.getReference(User, actor.userId),
    });
    addEvent(created, 'requested', 'Disclosure and authorization sent to the candidate');
    enqueueEmail(tx, {
      tenantId: actor.tenantId,
      candidateId: app.candidate.id,
      applicationId: app.id,
      to: app.candidate.email,
      template: 'background_check_disclosure',
      subject: `${tenant.name}: background check disclosure and authorization`,
      text: [
        `Hello ${app.candidate.name},`,
        '',
        `As part of finalising an offer for ${app.job.title}, ${tenant.name} would like to obtain a background check (a consumer report) about you.`,
        '',
        'It is done only with your written authorization. Please read the disclosure and, if you agree, sign the authorization on this page:',
        `${deps.publicUrl}/background-checks/${token}`,
        '',
        'You can withdraw your authorization on the same page, or in the privacy portal, at any time before the check is complete.',
        '',
        tenant.name,
      ].join('\n'),
    });
    recordAudit(tx, actor, {
      action: 'background_check.request',
      targetType: 'Application',
      targetId: app.id,
      subjectId: app.candidate.id,
    });
    await tx.flush();
    return created;
  });
  return checkDto(em, actor, deps, row);
}

/** Orders the check from a provider once the candidate signed; records the disclosure to the provider. */
export async function orderCheck(
  em: Em,
  actor: Actor,
  deps: CheckDeps,
  input: { id: string; provider?: string },
): Promise<TBackgroundCheck> {
  const { row, app } = await visibleCheck(em, actor, input.id);
  assertNotRestricted(app.candidate, 'their data cannot be disclosed');
  if (row.status !== 'authorized')
    throw new AppError(
      'PRECONDITION_FAILED',
      'A check can be ordered once the candidate signed the authorization',
    );
  const provider = providersOf(deps).find((p) => p.key === (input.provider ?? MANUAL_PROVIDER.key));
  if (!provider) throw new AppError('BAD_REQUEST', 'No such provider', { provider: ['Unknown provider'] });
  const { providerRef } = await provider.order({
    checkId: row.id,
    candidateName: app.candidate.name,
    candidateEmail: app.candidate.email,
  });
  await em.transactional(async (tx) => {
    row.status = 'ordered';
    row.provider = provider.key;
    row.providerRef = providerRef;
    row.providerStatus = 'pending';
    addEvent(row, 'ordered', `Ordered from ${provider.name}`);
    recordDisclosure(tx, {
      tenantId: actor.tenantId,
      candidateId: app.candidate.id,
      applicationId: app.id,
      recipient: {
        name: provider.name,
        kind: 'controller',
        country: provider.country,
        safeguard: null,
        notifyEmail: null,
      },
      categories: ORDER_CATEGORIES,
      purpose: 'Background check before an offer, authorized by the candidate',
      via: 'background_check',
      userId: actor.userId,
    });
    recordAudit(tx, actor, {
      action: 'background_check.order',
      targetType: 'Application',
      targetId: app.id,
      subjectId: app.candidate.id,
    });
    await tx.flush();
  });
  return checkDto(em, actor, deps, row);
}

/** Stores a report file sealed under the candidate's key; the row's old file (if any) goes. */
async function storeReport(
  em: Em,
  deps: CheckDeps,
  row: CheckRow,
  candidateId: string,
  file: { filename: string; bytes: Buffer },
  now = new Date(),
): Promise<void> {
  if (file.bytes.length === 0)
    throw new AppError('BAD_REQUEST', 'The file is empty', { contentBase64: ['Empty file'] });
  if (file.bytes.length > MAX_REPORT_BYTES)
    throw new AppError('BAD_REQUEST', 'The file is larger than 10 MB', {
      contentBase64: ['Larger than 10 MB'],
    });
  const { contentType, problem } = await sniffDocument(file.bytes);
  if (!contentType) {
    throw new AppError('BAD_REQUEST', problem ?? 'Upload a PDF, Word (.docx) or OpenDocument (.odt) file', {
      contentBase64: [problem ?? 'Not a PDF, DOCX or ODT document'],
    });
  }
  const key = await candidateKey(em, deps, { tenantId: row.tenant.id, candidateId }, { create: true });
  // Stored whole before the row points at it (as offer letters are): a crash in between leaves a sealed orphan, never a row without its file.
  const storageKey = await deps.files.put(sealFor(key, file.bytes));
  const previous = row.reportStorageKey;
  try {
    row.reportStorageKey = storageKey;
    row.reportFilename = file.filename;
    row.reportContentType = contentType;
    row.reportSize = file.bytes.length;
    row.reportReceivedAt = now;
    row.status = 'report_received';
    addEvent(row, 'report_received', 'Report received', now);
    await em.flush();
  } catch (error) {
    await deps.files.remove(storageKey);
    throw error;
  }
  if (previous) await deps.files.remove(previous).catch(() => undefined);
}

/** The manual provider: staff upload the report they received (sniffed and sealed like every document). */
export async function uploadReport(
  em: Em,
  actor: Actor,
  deps: CheckDeps,
  input: { id: string; filename: string; contentBase64: string },
): Promise<TBackgroundCheck> {
  const { row, app } = await visibleCheck(em, actor, input.id);
  const settings = await backgroundSettingsOf(em, actor.tenantId);
  if (!mayReadReports(actor, settings))
    throw new AppError('FORBIDDEN', 'Only the roles named in the Privacy settings may handle reports');
  if (row.status !== 'ordered' && row.status !== 'report_received')
    throw new AppError('PRECONDITION_FAILED', 'A report can be added once the check was ordered');
  recordAudit(em, actor, {
    action: 'background_check.report_upload',
    targetType: 'Application',
    targetId: app.id,
    subjectId: app.candidate.id,
  });
  await storeReport(em, deps, row, app.candidate.id, {
    filename: input.filename,
    bytes: Buffer.from(input.contentBase64, 'base64'),
  });
  return checkDto(em, actor, deps, row);
}

async function reportBytes(em: Em, deps: CheckDeps, row: CheckRow, candidateId: string): Promise<Buffer> {
  if (!row.reportStorageKey) throw new AppError('NOT_FOUND', 'No report yet');
  const key = await candidateKey(em, deps, { tenantId: row.tenant.id, candidateId });
  if (!key) throw new AppError('NOT_FOUND', 'This report can no longer be read: its key was destroyed');
  return openWith(key, await deps.files.read(row.reportStorageKey));
}

/** Reads a report: the tenant's named roles only, never blind; every read audited. */
export async function readReport(
  em: Em,
  actor: Actor,
  deps: CheckDeps,
  id: string,
): Promise<{ filename: string; contentType: string; contentBase64: string }> {
  const { row, app } = await visibleCheck(em, actor, id);
  const settings = await backgroundSettingsOf(em, actor.tenantId);
  if (!mayReadReports(actor, settings))
    throw new AppError('FORBIDDEN', 'Only the roles named in the Privacy settings may read reports');
  const bytes = await reportBytes(em, deps, row, app.candidate.id);
  recordAudit(em, actor, {
    action: 'background_check.report_read',
    targetType: 'Application',
    targetId: app.id,
    subjectId: app.candidate.id,
  });
  await em.flush();
  return {
    filename: row.reportFilename ?? 'report.pdf',
    contentType: row.reportContentType ?? 'application/octet-stream',
    contentBase64: bytes.toString('base64'),
  };
}

async function assertDecider(em: Em, actor: Actor) {
  if (!mayReadReports(actor, await backgroundSettingsOf(em, actor.tenantId)))
    throw new AppError('FORBIDDEN', 'Only the roles named in the Privacy settings may decide on a report');
}

/** No adverse action: the check is cleared (the decision its retention counts from). */
export async function clearCheck(em: Em, actor: Actor, deps: CheckDeps, id: string, now = new Date()) {
  const { row, app } = await visibleCheck(em, actor, id);
  await assertDecider(em, actor);
  if (row.status !== 'report_received')
    throw new AppError('PRECONDITION_FAILED', 'Only a check with its report in can be cleared');
  row.status = 'clear';
  row.decidedAt = now;
  addEvent(row, 'cleared', 'No adverse action', now);
  row.tokenHash = null;
  recordAudit(em, actor, {
    action: 'background_check.clear',
    targetType: 'Application',
    targetId: app.id,
    subjectId: app.candidate.id,
  });
  await em.flush();
  return checkDto(em, actor, deps, row, now);
}

/**
 * The pre-adverse action notice: a dated email with a copy of the report and
 * the summary of rights; the waiting period of business days starts the day after.
 */
export async function sendPreAdverse(em: Em, actor: Actor, deps: CheckDeps, id: string, now = new Date()) {
  const { row, app } = await visibleCheck(em, actor, id);
  await assertDecider(em, actor);
  if (row.status !== 'report_received')
    throw new AppError('PRECONDITION_FAILED', 'The pre-adverse notice needs the report first');
  const settings = await backgroundSettingsOf(em, actor.tenantId);
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  const bytes = await reportBytes(em, deps, row, app.candidate.id);
  const waitUntil = waitingPeriodEnd(dayOf(now), settings.waitingDays, settings.holidays);
  const token = newToken();
  await em.transactional(async (tx) => {
    row.status = 'pre_adverse';
    row.waitUntil = waitUntil;
    // A fresh link for the candidate's page (to dispute), valid until the decision.
    row.tokenHash = hashToken(token);
    addEvent(row, 'pre_adverse_sent', `Pre-adverse action notice sent; waiting until ${waitUntil}`, now);
    enqueueEmail(tx, {
      tenantId: actor.tenantId,
      candidateId: app.candidate.id,
      applicationId: app.id,
      to: app.candidate.email,
      template: 'background_check_pre_adverse',
      subject: `${tenant.name}: pre-adverse action notice (background check)`,
      text: [
        `Date: ${dayOf(now)}`,
        '',
        `Hello ${app.candidate.name},`,
        '',
        `${tenant.name} is considering not going ahead with your application for ${app.job.title}, based in whole or in part on the background check report attached to this email.`,
        '',
        `No final decision has been made. You have until the end of ${waitUntil} (${settings.waitingDays} business days) to tell us if anything in the report is wrong or incomplete, or to give us context. You can do so on this page:`,
        `${deps.publicUrl}/background-checks/${token}`,
        '',
        'You can also dispute the accuracy or completeness of the report directly with the company that prepared it. A summary of your rights under the Fair Credit Reporting Act is attached.',
        '',
        tenant.name,
      ].join('\n'),
      attachments: [
        {
          filename: row.reportFilename ?? 'background-check-report.pdf',
          contentType: row.reportContentType ?? 'application/pdf',
          contentBase64: bytes.toString('base64'),
        },
        {
          filename: 'summary-of-your-rights-under-the-fcra.txt',
          contentType: 'text/plain; charset=utf-8',
          contentBase64: Buffer.from(FCRA_SUMMARY_OF_RIGHTS).toString('base64'),
        },
      ],
    });
    recordAudit(tx, actor, {
      action: 'background_check.pre_adverse',
      targetType: 'Application',
      targetId: app.id,
      subjectId: app.candidate.id,
    });
    await tx.flush();
  });
  return checkDto(em, actor, deps, row, now);
}

/** Staff resolve a dispute: the waiting period resumes with the business days it had left. */
export async function resolveDispute(
  em: Em,
  actor: Actor,
  deps: CheckDeps,
  input: { id: string; resolution: string },
  now = new Date(),
) {
  const { row, app } = await visibleCheck(em, actor, input.id);
  await assertDecider(em, actor);
  if (row.status !== 'disputed' || !row.disputedAt)
    throw new AppError('PRECONDITION_FAILED', 'There is no open dispute');
  const settings = await backgroundSettingsOf(em, actor.tenantId);
  const key = await candidateKey(
    em,
    deps,
    { tenantId: actor.tenantId, candidateId: app.candidate.id },
    { create: true },
  );
  const left = businessDaysLeft(
    dayOf(row.disputedAt),
    row.waitUntil ?? dayOf(row.disputedAt),
    settings.holidays,
  );
  row.waitUntil = left > 0 ? waitingPeriodEnd(dayOf(now), left, settings.holidays) : dayOf(now);
  row.resolution = sealFor(key, input.resolution);
  row.disputeResolvedAt = now;
  row.status = 'pre_adverse';
  addEvent(row, 'dispute_resolved', `Dispute resolved; waiting until ${row.waitUntil}`, now);
  recordAudit(em, actor, {
    action: 'background_check.dispute_resolve',
    targetType: 'Application',
    targetId: app.id,
    subjectId: app.candidate.id,
  });
  await em.flush();
  return checkDto(em, actor, deps, row, now);
}

/** The final adverse action notice: refused before the waiting period is over or while a dispute is open. */
export async function sendFinalNotice(em: Em, actor: Actor, deps: CheckDeps, id: string, now = new Date()) {
  const { row, app } = await visibleCheck(em, actor, id);
  await assertDecider(em, actor);
  if (row.status === 'disputed')
    throw new AppError('PRECONDITION_FAILED', 'The candidate disputes the report: resolve the dispute first');
  if (row.status !== 'pre_adverse' || !row.waitUntil)
    throw new AppError('PRECONDITION_FAILED', 'The final notice follows a pre-adverse notice');
  if (!waitingPeriodOver(row.waitUntil, now))
    throw new AppError('PRECONDITION_FAILED', `The waiting period runs until ${row.waitUntil}`);
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  await em.transactional(async (tx) => {
    row.status = 'adverse_final';
    row.decidedAt = now;
    row.tokenHash = null;
    addEvent(row, 'final_notice_sent', 'Final adverse action notice sent', now);
    enqueueEmail(tx, {
      tenantId: actor.tenantId,
      candidateId: app.candidate.id,
      applicationId: app.id,
      to: app.candidate.email,
      template: 'background_check_adverse',
      subject: `${tenant.name}: adverse action notice (background check)`,
      text: [
        `Date: ${dayOf(now)}`,
        '',
        `Hello ${app.candidate.name},`,
        '',
        `${tenant.name} has decided not to go ahead with your application for ${app.job.title}, based in whole or in part on the background check report we sent you on ${row.events.find((e) => e.kind === 'pre_adverse_sent')?.at.slice(0, 10) ?? 'an earlier date'}.`,
        '',
        'The company that prepared the report did not make this decision and cannot tell you why it was made. You have the right to a free copy of your report from that company if you ask within 60 days, and the right to dispute the accuracy or completeness of anything in it directly with them.',
        '',
        'A summary of your rights under the Fair Credit Reporting Act is attached.',
        '',
        tenant.name,
      ].join('\n'),
      attachments: [
        {
          filename: 'summary-of-your-rights-under-the-fcra.txt',
          contentType: 'text/plain; charset=utf-8',
          contentBase64: Buffer.from(FCRA_SUMMARY_OF_RIGHTS).toString('base64'),
        },
      ],
    });
    recordAudit(tx, actor, {
      action: 'background_check.final_notice',
      targetType: 'Application',
      targetId: app.id,
      subjectId: app.candidate.id,
    });
    await tx.flush();
  });
  return checkDto(em, actor, deps, row, now);
}

/** Staff cancel a check not yet decided (the offer fell through, say); the report goes at once. */
export async function cancelCheck(em: Em, actor: Actor, deps: CheckDeps, id: string, now = new Date()) {
  const { row, app } = await visibleCheck(em, actor, id);
  if (!OPEN.includes(row.status)) throw new AppError('PRECONDITION_FAILED', 'This check is closed');
  stopCheck(row, 'cancelled', 'Cancelled by the hiring team', now);
  recordAudit(em, actor, {
    action: 'background_check.cancel',
    targetType: 'Application',
    targetId: app.id,
    subjectId: app.candidate.id,
  });
  await em.flush();
  await dropReports(em, deps.files, [row]);
  return checkDto(em, actor, deps, row, now);
}

/** Ends a check without a decision; the link stops working. Its report is dropped by `dropReports`. */
function stopCheck(row: CheckRow, status: 'cancelled' | 'withdrawn', detail: string, now: Date) {
  row.status = status;
  row.tokenHash = null;
  row.decidedAt = now;
  addEvent(row, status, detail, now);
}

/**
 * Deletes the report files of stopped checks (withdrawn or cancelled: there
 * is no basis to keep them), after the change that stopped them committed:
 * on the check's page, in the privacy portal, or by staff. The retention run
 * deletes any a crash in between left behind.
 */
export async function dropReports(em: Em, files: Pick<FileStore, 'remove'>, rows: readonly CheckRow[]) {
  const keys: string[] = [];
  for (const row of rows) {
    if (!row.reportStorageKey || (row.status !== 'withdrawn' && row.status !== 'cancelled')) continue;
    keys.push(row.reportStorageKey);
    row.reportStorageKey = null;
    row.reportFilename = null;
    row.reportContentType = null;
    row.reportSize = null;
  }
  await em.flush();
  for (const key of keys) await files.remove(key).catch(() => undefined);
}

// ---- the candidate's page ---------------------------------------------------

export type CandidateCheckView =
  | { kind: 'invalid' }
  | {
      kind: 'open';
      status: TBackgroundCheckStatus;
      companyName: string;
      jobTitle: string;
      candidateName: string;
      signedAt: string | null;
      waitUntil: string | null;
      disputedAt: string | null;
      canWithdraw: boolean;
      canDispute: boolean;
    };

async function checkByToken(em: Em, token: string) {
  const row = await em.findOne(
    BackgroundCheck,
    { tokenHash: hashToken(token) },
    { ...byToken, populate: ['application.candidate', 'application.job', 'tenant'] },
  );
  if (!row || !OPEN.includes(row.status)) return null;
  if (row.application.candidate.restrictedAt) return null;
  // Everything after this is the link's tenant's.
  em.setFilterParams(TENANT_FILTER, { tenantId: row.tenant.id });
  return row;
}

const WITHDRAWABLE: readonly TBackgroundCheckStatus[] = [
  'requested',
  'authorized',
  'ordered',
  'report_received',
];

export async function openCandidateCheck(em: Em, token: string): Promise<CandidateCheckView> {
  const row = await checkByToken(em, token);
  if (!row) return { kind: 'invalid' };
  return {
    kind: 'open',
    status: row.status,
    companyName: row.tenant.name,
    jobTitle: row.application.job.title,
    candidateName: row.application.candidate.name,
    signedAt: row.signedAt ? dayOf(row.signedAt) : null,
    waitUntil: row.waitUntil ?? null,
    disputedAt: row.disputedAt ? dayOf(row.disputedAt) : null,
    canWithdraw: row.signedAt !== null && row.signedAt !== undefined && WITHDRAWABLE.includes(row.status),
    canDispute: row.status === 'pre_adverse',
  };
}

async function consentInput(tx: Em, deps: CheckDeps, row: CheckRow) {
  const tenant = row.tenant;
  const settings = await privacySettingsOf(tx, tenant.id);
  const notice = noticeInEffect(await publishedNotices(tx));
  return {
    tenant: { id: tenant.id, name: tenant.name },
    contactEmail: settings.contactEmail,
    siteUrl: `${deps.publicUrl}/careers/${tenant.slug}/`,
    candidate: row.application.candidate,
    application: row.application,
    noticeVersion: notice?.version ?? 0,
    gpc: false,
    masterKey: deps.masterKey,
  };
}

/** The candidate signs the authorization: a consent with its signed receipt, emailed. */
export async function signAuthorization(
  em: Em,
  deps: CheckDeps,
  token: string,
  signedName: string,
  requestId: string,
  now = new Date(),
): Promise<'signed' | 'invalid'> {
  return em.transactional(async (tx) => {
    const row = await checkByToken(tx, token);
    if (row?.status !== 'requested') return 'invalid';
    const receipt = await recordConsents(tx, {
      ...(await consentInput(tx, deps, row)),
      decisions: [{ purpose: BACKGROUND_CHECK_PURPOSE, label: PURPOSE_LABEL, given: true }],
      channel: 'background_check',
      at: now,
    });
    row.receipt = tx.getReference(ConsentReceipt, receipt.id);
    row.signedAt = now;
    row.signedName = signedName;
    row.status = 'authorized';
    addEvent(row, 'disclosure_signed', 'Disclosure read and authorization signed by the candidate', now);
    enqueueEmail(tx, {
      tenantId: row.tenant.id,
      candidateId: row.application.candidate.id,
      applicationId: row.application.id,
      to: row.application.candidate.email,
      template: 'background_check_signed',
      subject: `${row.tenant.name}: your background check authorization`,
      text: [
        `Hello ${row.application.candidate.name},`,
        '',
        `You signed the authorization for a background check on ${dayOf(now)}. The signed consent receipt (${receipt.id}) is attached.`,
        '',
        'You can withdraw your authorization at any time before the check is complete, on the page you signed it or in the privacy portal.',
        '',
        row.tenant.name,
      ].join('\n'),
      attachments: [
        {
          filename: `consent-receipt-${receipt.id}.jwt`,
          contentType: 'application/jwt',
          contentBase64: Buffer.from(receipt.jws).toString('base64'),
        },
      ],
    });
    recordAudit(
      tx,
      { userId: null, tenantId: row.tenant.id, requestId },
      {
        action: 'background_check.sign',
        targetType: 'Application',
        targetId: row.application.id,
        subjectId: row.application.candidate.id,
      },
    );
    await tx.flush();
    return 'signed';
  });
}

/**
 * Stops the candidate's open checks after they withdrew their authorization
 * (on the check's page, or in the privacy portal, which records the consent
 * event itself). Returns the checks stopped, whose reports `dropReports` deletes after commit.
 */
export async function stopChecksOnWithdrawal(
  tx: Em,
  candidateId: string,
  now = new Date(),
): Promise<CheckRow[]> {
  const rows = await tx.find(BackgroundCheck, {
    application: { candidate: candidateId },
    status: { $in: [...WITHDRAWABLE] },
    signedAt: { $ne: null },
  });
  for (const row of rows) stopCheck(row, 'withdrawn', 'The candidate withdrew their authorization', now);
  return rows;
}

/** The candidate withdraws on the check's page: a `withdrawn` consent with its receipt; the check stops. */
export async function withdrawAuthorization(
  em: Em,
  deps: CheckDeps,
  token: string,
  requestId: string,
  now = new Date(),
): Promise<'withdrawn' | 'invalid'> {
  const stopped = await em.transactional(async (tx) => {
    const row = await checkByToken(tx, token);
    if (!row?.signedAt || !WITHDRAWABLE.includes(row.status)) return null;
    await recordConsents(tx, {
      ...(await consentInput(tx, deps, row)),
      decisions: [
        { purpose: BACKGROUND_CHECK_PURPOSE, label: PURPOSE_LABEL, given: false, decision: 'withdrawn' },
      ],
      channel: 'background_check',
      at: now,
    });
    const rows = await stopChecksOnWithdrawal(tx, row.application.candidate.id, now);
    recordAudit(
      tx,
      { userId: null, tenantId: row.tenant.id, requestId },
      {
        action: 'background_check.withdraw',
        targetType: 'Application',
        targetId: row.application.id,
        subjectId: row.application.candidate.id,
      },
    );
    await tx.flush();
    return rows;
  });
  if (!stopped) return 'invalid';
  await dropReports(em, deps.files, stopped);
  return 'withdrawn';
}

/** The candidate disputes the report during the waiting period: the workflow waits for staff. */
export async function disputeReport(
  em: Em,
  deps: CheckDeps,
  token: string,
  text: string,
  requestId: string,
  now = new Date(),
): Promise<'disputed' | 'invalid'> {
  const row = await checkByToken(em, token);
  if (row?.status !== 'pre_adverse') return 'invalid';
  const key = await candidateKey(
    em,
    deps,
    { tenantId: row.tenant.id, candidateId: row.application.candidate.id },
    { create: true },
  );
  row.status = 'disputed';
  row.disputeText = sealFor(key, text);
  row.disputedAt = now;
  row.disputeResolvedAt = null;
  row.resolution = null;
  addEvent(row, 'disputed', 'The candidate disputes the report; the waiting period is paused', now);
  recordAudit(
    em,
    { userId: null, tenantId: row.tenant.id, requestId },
    {
      action: 'background_check.dispute',
      targetType: 'Application',
      targetId: row.application.id,
      subjectId: row.application.candidate.id,
    },
  );
  if (row.createdBy) {
    enqueueEmail(em, {
      tenantId: row.tenant.id,
      to: (await em.findOneOrFail(User, row.createdBy.id, byToken)).email,
      template: 'background_check_dispute_staff',
      subject: 'A candidate disputes their background check report',
      text: `A candidate disputes their background check report (application ${row.application.id}). The adverse action workflow waits until you resolve it on the application's page.`,
    });
  }
  await em.flush();
  return 'disputed';
}

// ---- the provider's webhook -------------------------------------------------

/** A provider's status update, already verified; a complete check's report is fetched and stored. */
export async function applyProviderStatus(
  em: Em,
  deps: CheckDeps,
  provider: BackgroundCheckProvider,
  update: { providerRef: string; status: 'pending' | 'in_progress' | 'complete' | 'cancelled' },
  now = new Date(),
): Promise<'applied' | 'unknown'> {
  const row = await em.findOne(
    BackgroundCheck,
    { provider: provider.key, providerRef: update.providerRef },
    { ...byToken, populate: ['application', 'tenant'] },
  );
  if (!row || !['ordered', 'report_received'].includes(row.status)) return 'unknown';
  em.setFilterParams(TENANT_FILTER, { tenantId: row.tenant.id });
  row.providerStatus = update.status;
  addEvent(row, 'provider_status', `Provider status: ${update.status}`, now);
  if (update.status === 'complete' && row.status === 'ordered') {
    const report = await provider.fetchReport(update.providerRef);
    if (report) {
      await storeReport(em, deps, row, row.application.candidate.id, report, now);
      return 'applied';
    }
  }
  if (update.status === 'cancelled') {
    row.status = 'cancelled';
    row.decidedAt = now;
    row.tokenHash = null;
    addEvent(row, 'cancelled', 'Cancelled by the provider', now);
  }
  await em.flush();
  return 'applied';
}

// ---- retention --------------------------------------------------------------

/**
 * Erases checks whose decision is older than the tenant's report retention
 * (months), with their report files. Run by the retention worker.
 */
export async function eraseExpiredChecks(
  em: Em,
  files: Pick<FileStore, 'remove'>,
  now = new Date(),
  tenantId?: string,
): Promise<number> {
  if (tenantId) em.setFilterParams(TENANT_FILTER, { tenantId });
  const rows = await em.find(
    BackgroundCheck,
    { decidedAt: { $ne: null }, ...(tenantId ? { tenant: tenantId } : {}) },
    { ...byToken, populate: ['application'] },
  );
  // Stopped checks (a withdrawal in the privacy portal) lose their report at once.
  await dropReports(em, files, rows);
  const months = new Map<string, number>();
  const due: CheckRow[] = [];
  for (const row of rows) {
    if (!months.has(row.tenant.id))
      months.set(row.tenant.id, (await backgroundSettingsOf(em, row.tenant.id)).retentionMonths);
    const until = new Date(row.decidedAt as Date);
    until.setUTCMonth(until.getUTCMonth() + (months.get(row.tenant.id) ?? 6));
    if (until <= now) due.push(row);
  }
  const keys = due.map((r) => r.reportStorageKey).filter((k): k is string => !!k);
  for (const row of due) {
    recordAudit(
      em,
      { userId: null, tenantId: row.tenant.id, requestId: 'retention' },
      {
        action: 'background_check.retention_erase',
        targetType: 'Application',
        targetId: row.application.id,
        subjectId: row.application.candidate.id,
      },
    );
    em.remove(row);
  }
  await em.flush();
  for (const key of keys) await files.remove(key).catch(() => undefined);
  return due.length;
}

/** The candidate's background-check report files, for their export's zip. */
export async function reportFilesOf(
  em: Em,
  deps: DataKeys & { files: FileStore },
  candidateId: string,
): Promise<Array<[string, Uint8Array]>> {
  const rows = await em.find(BackgroundCheck, {
    application: { candidate: candidateId },
    reportStorageKey: { $ne: null },
  });
  if (!rows.length) return [];
  const first = rows[0] as CheckRow;
  const key = await candidateKey(em, deps, { tenantId: first.tenant.id, candidateId });
  if (!key) return [];
  const out: Array<[string, Uint8Array]> = [];
  for (const row of rows) {
    const name = (row.reportFilename ?? 'report').replace(/[/\\\0]/g, '_');
    out.push([
      `files/background-check-${row.id}-${name}`,
      openWith(key, await deps.files.read(row.reportStorageKey as string)),
    ]);
  }
  return out;
}
