import {
  Candidate,
  type Em,
  type InferEntity,
  Membership,
  type Orm,
  OutboxEmail,
  PrivacyRequest,
  PrivacyRequestNote,
  TENANT_FILTER,
  Tenant,
  User,
} from '@candor/db';
import {
  dayOf,
  jurisdictionOf,
  REQUEST_TYPE_LABELS,
  requestClock,
  requestDeadlines,
  type TJurisdiction,
  type ZUploadedFile,
  type TPrivacyRequest,
  type TRequestStatus,
  type ZRequestCreateInput,
  type ZRequestListParams,
  type ZRequestProofInput,
  type ZRequestTransitionInput,
} from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.service.js';
import type { FileStore } from '../../files/file-store.js';
import { type DataKeys, ensureTenantDataKey, openWith, sealFor, tenantKeyById } from '../../keys/data-keys.js';
import { sniffDocument, sniffImage } from '../../files/sniff.js';
import { enqueueEmail } from '../../mail/outbox.js';
import { AppError } from '../../trpc/app-error.js';
import type { Actor } from '../../trpc/init.js';
import { activeHoldsOn } from '../holds.service.js';
import { recordDisclosure } from '../disclosures.service.js';
import { notifyRecipientsOfRequest, type RecipientNoticeKind } from '../recipient-notices.js';
import { destroyErasedData, type ErasureSummary, eraseSubject } from '../subject-erasure.js';
import { buildSubjectExport } from '../subject-export.js';

type RequestRow = InferEntity<typeof PrivacyRequest>;

const OPEN: TRequestStatus[] = ['received', 'verified', 'in_progress'];

/** Where a request may go next; completed and refused are final. */
const TRANSITIONS: Record<TRequestStatus, TRequestStatus[]> = {
  received: ['verified', 'refused'],
  verified: ['in_progress', 'completed', 'refused'],
  in_progress: ['completed', 'refused'],
  completed: [],
  refused: [],
};

/** The deadline that counts for an open request today (see requestClock). */
function clockOf(row: Pick<RequestRow, 'receivedOn' | 'jurisdiction' | 'extendedAt' | 'dueOn' | 'acknowledgedAt' | 'status'>, today: string = dayOf()) {
  const { acknowledgeBy } = requestDeadlines(row.receivedOn, row.jurisdiction, Boolean(row.extendedAt));
  return requestClock({ dueOn: row.dueOn, acknowledgeBy, acknowledged: Boolean(row.acknowledgedAt), closed: !OPEN.includes(row.status) }, today);
}

function toDto(row: RequestRow, notes: Array<InferEntity<typeof PrivacyRequestNote>> = []): TPrivacyRequest {
  const deadlines = requestDeadlines(row.receivedOn, row.jurisdiction, row.extendedAt !== null && row.extendedAt !== undefined);
  const clock = clockOf(row);
  return {
    id: row.id,
    type: row.type,
    channel: row.channel,
    requesterName: row.requesterName ?? null,
    requesterEmail: row.requesterEmail,
    candidateId: row.candidate?.id ?? null,
    agentName: row.agentName ?? null,
    agentProof: row.agentProof ?? null,
    agentProofFile:
      row.agentProofKey && row.agentProofFilename
        ? { filename: row.agentProofFilename, contentType: row.agentProofContentType ?? 'application/octet-stream', size: row.agentProofSize ?? 0 }
        : null,
    details: row.details,
    country: row.country ?? null,
    jurisdiction: row.jurisdiction,
    verification: row.verification as TPrivacyRequest['verification'],
    status: row.status,
    receivedAt: row.receivedAt.toISOString(),
    receivedOn: row.receivedOn,
    dueOn: row.dueOn,
    deadline: clock.state,
    clock,
    acknowledgeBy: deadlines.acknowledgeBy,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    maxExtendedDueOn: deadlines.maxExtendedDueOn,
    extendedAt: row.extendedAt?.toISOString() ?? null,
    extensionReason: row.extensionReason ?? null,
    assignee: row.assignee ? { id: row.assignee.id, name: row.assignee.name } : null,
    refusalReason: row.refusalReason ?? null,
    answer: row.answer ?? null,
    actions: row.actions,
    lastError: row.lastError ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    notes: notes.map((n) => ({ id: n.id, body: n.body, author: n.author?.name ?? null, createdAt: n.createdAt.toISOString() })),
  };
}

async function loadRequest(em: Em, id: string): Promise<RequestRow> {
  const row = await em.findOne(PrivacyRequest, id, { populate: ['assignee', 'candidate'] });
  if (!row) throw new AppError('NOT_FOUND', 'No such request');
  return row;
}

export async function getRequest(em: Em, actor: Actor, id: string): Promise<TPrivacyRequest> {
  const row = await loadRequest(em, id);
  const notes = await em.find(PrivacyRequestNote, { request: row }, { populate: ['author'], orderBy: { createdAt: 'asc' } });
  recordAudit(em, actor, { action: 'request.read', targetType: 'PrivacyRequest', targetId: id });
  await em.flush();
  return toDto(row, notes);
}

/** The queue: open requests by due date (the most urgent first), or the closed ones most recent first. */
export async function listRequests(em: Em, params: z.output<typeof ZRequestListParams>): Promise<TPrivacyRequest[]> {
  const status = params.status === 'open' ? { $in: OPEN } : params.status;
  const rows = await em.find(
    PrivacyRequest,
    { status, ...(params.type ? { type: params.type } : {}) },
    { populate: ['assignee', 'candidate'], orderBy: params.status === 'open' ? { dueOn: 'asc', id: 'asc' } : { receivedAt: 'desc', id: 'asc' }, limit: 500 },
  );
  return rows.map((row) => toDto(row));
}

export async function requestCounts(em: Em): Promise<{ open: number; dueSoon: number; overdue: number }> {
  const rows = await em.find(PrivacyRequest, { status: { $in: OPEN } }, { fields: ['id', 'dueOn', 'status', 'receivedOn', 'jurisdiction', 'extendedAt', 'acknowledgedAt'] });
  const today = dayOf();
  const states = rows.map((r) => clockOf(r, today).state);
  return { open: rows.length, dueSoon: states.filter((s) => s === 'due_soon').length, overdue: states.filter((s) => s === 'overdue').length };
}

/** A proof document's bytes and media type, refused unless it is a PDF, Word, OpenDocument or image file. */
async function proofBytes(file: z.output<typeof ZUploadedFile>): Promise<{ bytes: Buffer; contentType: string }> {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  const document = await sniffDocument(bytes);
  const contentType = document.contentType ?? sniffImage(bytes);
  if (bytes.length === 0 || !contentType) {
    throw new AppError('BAD_REQUEST', document.problem ?? 'Attach the proof as a PDF, Word or OpenDocument file, or as a PNG or JPEG scan', {
      agentProofFile: [document.problem ?? 'Not a PDF, DOCX, ODT, PNG or JPEG file'],
    });
  }
  return { bytes, contentType };
}

/** What storing and reading a proof file needs: the file store and the keys that seal it. */
type ProofDeps = DataKeys & { files: FileStore };

type ProofFields = Pick<RequestRow, 'agentProofKey' | 'agentProofFilename' | 'agentProofContentType' | 'agentProofSize' | 'agentProofSealedWith'>;

/**
 * Stores the proof in the file store, sealed under the tenant's data key (a
 * request need not be about a known candidate, so there is no candidate key
 * to use; the file store alone, or a backup of it, reads nothing), runs
 * `change` (which records it on the request) and removes the file again if
 * the change fails; the file it replaces goes only once the change committed.
 */
async function withStoredProof(
  em: Em,
  deps: ProofDeps,
  tenantId: string,
  file: z.output<typeof ZUploadedFile>,
  change: (proof: ProofFields) => Promise<string | null | undefined>,
): Promise<void> {
  const { bytes, contentType } = await proofBytes(file);
  const tenantKey = await ensureTenantDataKey(em, deps, tenantId);
  const key = await deps.files.put(sealFor(tenantKey.key, bytes));
  const { files } = deps;
  let replaced: string | null | undefined;
  try {
    replaced = await change({
      agentProofKey: key,
      agentProofFilename: file.filename,
      agentProofContentType: contentType,
      agentProofSize: bytes.length,
      agentProofSealedWith: tenantKey.id,
    });
  } catch (error) {
    await files.remove(key);
    throw error;
  }
  if (replaced) await files.remove(replaced);
}

/** Tells the requester the request arrived and by when they will have the answer. */
async function acknowledge(tx: Em, row: RequestRow, tenantId: string): Promise<void> {
  row.acknowledgedAt = new Date();
  await mailRequester(
    tx,
    row,
    tenantId,
    row.requesterEmail,
    'we received your privacy request',
    `We received your request on ${row.receivedOn} and will answer by ${row.dueOn}. If we need to confirm who you are, we will write to you first.`,
  );
  note(row, 'request.acknowledged', 'receipt emailed to the requester');
}

export async function createRequest(em: Em, actor: Actor, deps: ProofDeps, input: z.output<typeof ZRequestCreateInput>): Promise<TPrivacyRequest> {
  // The input schema refuses a day in the future.
  const receivedOn = input.receivedOn ?? dayOf();
  if (input.agentProofFile && !input.agentName) {
    throw new AppError('BAD_REQUEST', 'Name the agent the proof is for', { agentName: ['Required with a proof file'] });
  }
  const jurisdiction = jurisdictionOf(input.country, input.usState);
  const create = async (proof: Partial<RequestRow>) => {
    const candidate = await em.findOne(Candidate, { email: input.requesterEmail });
    return em.transactional(async (tx) => {
      const row = tx.create(PrivacyRequest, {
        tenant: actor.tenantId,
        candidate,
        type: input.type,
        channel: input.channel,
        requesterName: input.requesterName || null,
        requesterEmail: input.requesterEmail,
        agentName: input.agentName || null,
        agentProof: input.agentProof || null,
        ...proof,
        details: input.details,
        country: input.country || null,
        jurisdiction,
        verification: 'unverified',
        status: 'received',
        // The day staff say it arrived; `receivedAt` (set on creation) is when it was entered.
        receivedOn,
        dueOn: requestDeadlines(receivedOn, jurisdiction, false).dueOn,
        actions: [],
      });
      if (input.acknowledge) await acknowledge(tx, row, actor.tenantId);
      recordAudit(tx, actor, { action: 'request.create', targetType: 'PrivacyRequest', targetId: row.id });
      return row.id;
    });
  };
  let id = '';
  if (input.agentProofFile) {
    await withStoredProof(em, deps, actor.tenantId, input.agentProofFile, async (proof) => {
      id = await create(proof);
      return null;
    });
  } else {
    id = await create({});
  }
  return getRequest(em, actor, id);
}

/** Emails the requester a receipt (California requires one within 10 business days). */
export async function acknowledgeRequest(em: Em, actor: Actor, id: string): Promise<TPrivacyRequest> {
  await em.transactional(async (tx) => {
    const row = await loadRequest(tx, id);
    if (!OPEN.includes(row.status)) throw new AppError('PRECONDITION_FAILED', 'The request is closed: its answer was sent');
    if (row.acknowledgedAt) throw new AppError('PRECONDITION_FAILED', 'The requester was told already that the request arrived');
    await acknowledge(tx, row, actor.tenantId);
    recordAudit(tx, actor, { action: 'request.acknowledge', targetType: 'PrivacyRequest', targetId: id });
  });
  return getRequest(em, actor, id);
}

/** Attaches the authorized agent's proof to a request, replacing an earlier one. */
export async function attachAgentProof(em: Em, actor: Actor, deps: ProofDeps, input: z.output<typeof ZRequestProofInput>): Promise<TPrivacyRequest> {
  await withStoredProof(em, deps, actor.tenantId, input, (proof) =>
    em.transactional(async (tx) => {
      const row = await loadRequest(tx, input.id);
      if (!row.agentName) throw new AppError('PRECONDITION_FAILED', 'This request names no agent: a proof file is for requests made by one');
      const replaced = row.agentProofKey;
      tx.assign(row, proof);
      note(row, 'agent.proof_attached', replaced ? 'replaced the earlier file' : 'file attached');
      recordAudit(tx, actor, { action: 'request.agent_proof', targetType: 'PrivacyRequest', targetId: row.id });
      return replaced;
    }),
  );
  return getRequest(em, actor, input.id);
}

/** The proof file for download; reading it is audited. */
export async function openAgentProof(em: Em, actor: Actor, deps: ProofDeps, id: string): Promise<{ filename: string; contentType: string; contentBase64: string }> {
  const row = await loadRequest(em, id);
  if (!row.agentProofKey || !row.agentProofFilename) throw new AppError('NOT_FOUND', 'No proof file on this request');
  recordAudit(em, actor, { action: 'request.agent_proof_read', targetType: 'PrivacyRequest', targetId: id });
  await em.flush();
  const stored = await deps.files.read(row.agentProofKey);
  const bytes = row.agentProofSealedWith ? openWith(await tenantKeyById(em, deps, actor.tenantId, row.agentProofSealedWith), stored) : stored;
  return { filename: row.agentProofFilename, contentType: row.agentProofContentType ?? 'application/octet-stream', contentBase64: bytes.toString('base64') };
}

/**
 * Data is given out, corrected or erased through a request only once the
 * requester is known to be the person it is about (GDPR Art. 12(6), CCPA
 * regulations §7060): a portal request is verified by the emailed code, one
 * entered by staff by their "verified" step. Hiding the buttons is not enough.
 */
function assertIdentityVerified(row: RequestRow): void {
  if (row.verification !== 'verified') {
    throw new AppError('PRECONDITION_FAILED', 'Verify the requester’s identity first: until then their data may not be given out, corrected or erased');
  }
}

function note(row: RequestRow, action: string, detail: string): void {
  row.actions = [...row.actions, { at: new Date().toISOString(), action, detail }];
}

/** Which completed requests oblige the company to tell the recipients it disclosed the data to (GDPR Art. 19). */
const RECIPIENT_NOTICE: Partial<Record<RequestRow['type'], RecipientNoticeKind>> = {
  erasure: 'erasure',
  rectification: 'rectification',
  restriction: 'restriction',
};


async function mailRequester(
  tx: Em,
  row: RequestRow,
  tenantId: string,
  to: string,
  subject: string,
  text: string,
  options: { asProof?: boolean } = {},
): Promise<void> {
  const tenant = await tx.findOneOrFail(Tenant, tenantId);
  enqueueEmail(tx, {
    tenantId,
    to,
    proofOf: options.asProof ? row.id : null,
    template: 'privacy_request',
    subject: `${tenant.name}: ${subject}`,
    text: `${text}\n\nReference: ${row.id.slice(0, 8).toUpperCase()} (${REQUEST_TYPE_LABELS[row.type]})\n`,
  });
}

export async function transitionRequest(em: Em, actor: Actor, input: z.output<typeof ZRequestTransitionInput>): Promise<TPrivacyRequest> {
  await em.transactional(async (tx) => {
    const row = await loadRequest(tx, input.id);
    const from: TRequestStatus = row.status;
    // Completing sends the answer (the data, or word of what was corrected or restricted) and tells the recipients.
    if (input.to === 'completed') assertIdentityVerified(row);
    if (!TRANSITIONS[from].includes(input.to)) {
      throw new AppError('PRECONDITION_FAILED', `A ${from.replace('_', ' ')} request cannot become ${input.to.replace('_', ' ')}`, {
        to: [`Allowed next: ${TRANSITIONS[from].join(', ') || 'none'}`],
      });
    }
    row.status = input.to;
    if (input.to === 'verified') row.verification = 'verified';
    if (input.to === 'completed' || input.to === 'refused') {
      row.answer = input.answer;
      row.completedAt = new Date();
      if (input.to === 'refused') row.refusalReason = input.reason;
      await mailRequester(tx, row, actor.tenantId, row.requesterEmail, input.to === 'completed' ? 'your privacy request is done' : 'your privacy request', input.answer);
      const kind = RECIPIENT_NOTICE[row.type];
      // An erasure tells them as it runs (executeErasure); a completed correction or restriction tells them here.
      if (input.to === 'completed' && kind && kind !== 'erasure' && row.candidate) {
        const candidate = await tx.findOneOrFail(Candidate, row.candidate.id);
        await notifyRecipientsOfRequest(tx, row, kind, { email: candidate.email, name: candidate.name });
      }
    }
    note(row, `status.${input.to}`, `by staff`);
    recordAudit(tx, actor, { action: `request.${input.to}`, targetType: 'PrivacyRequest', targetId: row.id });
  });
  return getRequest(em, actor, input.id);
}

/**
 * Extends the deadline once, to the longest the law allows, and tells the
 * requester why. Only possible within the first period (GDPR: within one
 * month; CCPA: within the first 45 days).
 */
export async function extendRequest(em: Em, actor: Actor, input: { id: string; reason: string }): Promise<TPrivacyRequest> {
  await em.transactional(async (tx) => {
    const row = await loadRequest(tx, input.id);
    if (!OPEN.includes(row.status)) throw new AppError('PRECONDITION_FAILED', 'Only an open request can be extended');
    if (row.extendedAt) throw new AppError('PRECONDITION_FAILED', 'The deadline was extended already; it can be extended once');
    const deadlines = requestDeadlines(row.receivedOn, row.jurisdiction, true);
    if (dayOf() > deadlines.extensionNoticeBy) {
      throw new AppError('PRECONDITION_FAILED', `Too late to extend: the requester had to be told by ${deadlines.extensionNoticeBy}`);
    }
    row.extendedAt = new Date();
    row.extensionReason = input.reason;
    row.dueOn = deadlines.dueOn;
    await mailRequester(tx, row, actor.tenantId, row.requesterEmail, 'we need more time for your privacy request', `We need more time to answer your request, and will answer by ${row.dueOn}.\n\nWhy: ${input.reason}`);
    note(row, 'deadline.extended', `to ${row.dueOn}`);
    recordAudit(tx, actor, { action: 'request.extend', targetType: 'PrivacyRequest', targetId: row.id });
  });
  return getRequest(em, actor, input.id);
}

export async function setJurisdiction(em: Em, actor: Actor, input: { id: string; jurisdiction: TJurisdiction }): Promise<TPrivacyRequest> {
  const row = await loadRequest(em, input.id);
  row.jurisdiction = input.jurisdiction;
  row.dueOn = requestDeadlines(row.receivedOn, input.jurisdiction, Boolean(row.extendedAt)).dueOn;
  note(row, 'jurisdiction.changed', input.jurisdiction);
  recordAudit(em, actor, { action: 'request.jurisdiction', targetType: 'PrivacyRequest', targetId: row.id });
  await em.flush();
  return getRequest(em, actor, input.id);
}

export async function assignRequest(em: Em, actor: Actor, input: { id: string; assigneeId: string | null }): Promise<TPrivacyRequest> {
  const row = await loadRequest(em, input.id);
  if (input.assigneeId && !(await em.findOne(Membership, { tenant: actor.tenantId, user: input.assigneeId, role: { $in: ['owner', 'admin'] } }))) {
    throw new AppError('BAD_REQUEST', 'Assign the request to an admin of this company', { assigneeId: ['Not an admin here'] });
  }
  row.assignee = input.assigneeId ? em.getReference(User, input.assigneeId) : null;
  recordAudit(em, actor, { action: 'request.assign', targetType: 'PrivacyRequest', targetId: row.id });
  await em.flush();
  return getRequest(em, actor, input.id);
}

export async function addRequestNote(em: Em, actor: Actor, input: { id: string; body: string }): Promise<TPrivacyRequest> {
  const row = await loadRequest(em, input.id);
  em.create(PrivacyRequestNote, { tenant: actor.tenantId, request: row, author: em.getReference(User, actor.userId), body: input.body });
  recordAudit(em, actor, { action: 'request.note', targetType: 'PrivacyRequest', targetId: row.id });
  await em.flush();
  return getRequest(em, actor, input.id);
}

/**
 * Carries out a verified erasure request: everything about the candidate is
 * erased (see subject-erasure.ts) and the request completed, in one
 * transaction; the files go after it commits. A failure leaves the subject
 * as before and the request open, with the kind of error recorded.
 */
export async function executeErasure(em: Em, actor: Actor, deps: DataKeys & { files: FileStore }, id: string): Promise<TPrivacyRequest> {
  const row = await loadRequest(em, id);
  if (row.type !== 'erasure') throw new AppError('BAD_REQUEST', 'This is not an erasure request');
  assertIdentityVerified(row);
  if (!OPEN.includes(row.status)) throw new AppError('PRECONDITION_FAILED', 'The request is closed: its answer was sent');
  if (!row.candidate) throw new AppError('PRECONDITION_FAILED', 'No candidate matches this request: complete it with an answer instead');
  const candidateId = row.candidate.id;
  const holds = await activeHoldsOn(em, candidateId);
  if (holds.length > 0) {
    // Art. 17(3)(e): data needed for legal claims is kept; staff answer the requester with a refusal that says so.
    throw new AppError(
      'PRECONDITION_FAILED',
      `A legal hold keeps this candidate's data: ${holds.map((h) => h.reason).join('; ')}. Refuse the request, telling the requester that data needed for legal claims is kept (Art. 17(3)(e) GDPR) and until when, or release the hold first.`,
      { id: ['Under legal hold'] },
    );
  }
  const to = row.requesterEmail;
  // How the recipients know the person, read before the erasure blanks it.
  const before = await em.findOneOrFail(Candidate, candidateId);
  const subject = { email: before.email, name: before.name };
  let erased: ErasureSummary | undefined;
  try {
    await em.transactional(async (tx) => {
      const summary = await eraseSubject(tx, candidateId);
      erased = summary;
      // The request was anonymized with everything else; what was done stays on it, without personal values.
      const request = await loadRequest(tx, id);
      request.status = 'completed';
      request.completedAt = new Date();
      request.answer = 'Your data has been erased.';
      request.lastError = null;
      note(request, 'subject.erased', Object.entries(summary.entities).map(([e, c]) => `${e}: ${c.anonymized} anonymized, ${c.deleted} deleted`).join('; '));
      // The answer that proves the erasure is kept after it is sent, without the address in clear (docs/retention.md).
      await mailRequester(tx, request, actor.tenantId, to, 'your data has been erased', 'We have erased the personal data we held about you. Statistics without your name (such as how many people applied to a job) remain.', { asProof: true });
      await notifyRecipientsOfRequest(tx, request, 'erasure', subject, { asProof: true, candidateId });
      recordAudit(tx, actor, { action: 'request.erasure_executed', targetType: 'PrivacyRequest', targetId: id });
    });
  } catch (error) {
    const fresh = await loadRequest(em.fork(), id);
    fresh.lastError = error instanceof Error ? error.name : 'Error';
    await em.fork().persistAndFlush(fresh);
    throw error instanceof AppError ? error : new AppError('PRECONDITION_FAILED', 'The erasure failed and nothing was changed; the request stays open');
  }
  // After the commit: the candidate's data key (crypto-shredding: copies in backups become unreadable), then the files.
  if (erased) await destroyErasedData(deps, erased);
  // The erasure's statements bypassed the identity map: what `em` loaded before is stale.
  em.clear();
  return getRequest(em, actor, id);
}

/** The subject's data as the zip the portal gives them, for staff answering an access request by email. */
export async function requestExport(em: Em, actor: Actor, deps: DataKeys & { files: FileStore }, id: string): Promise<{ filename: string; contentBase64: string }> {
  const row = await loadRequest(em, id);
  assertIdentityVerified(row);
  if (!row.candidate) throw new AppError('PRECONDITION_FAILED', 'No candidate matches this request');
  const { zip, categories } = await buildSubjectExport(em, deps, row.candidate.id, 'staff');
  // A copy for an authorized agent leaves Candor for someone other than the person: it goes in their disclosure log.
  if (row.agentName) {
    recordDisclosure(em, {
      tenantId: actor.tenantId,
      candidateId: row.candidate.id,
      recipient: { name: row.agentName, kind: 'agent', country: null, safeguard: null, notifyEmail: null },
      categories,
      purpose: `Access request ${id.slice(0, 8).toUpperCase()} made through the agent`,
      via: 'agent_export',
      userId: actor.userId,
    });
  }
  recordAudit(em, actor, { action: 'request.export', targetType: 'PrivacyRequest', targetId: id });
  await em.flush();
  return { filename: `candor-export-${id.slice(0, 8)}.zip`, contentBase64: Buffer.from(zip).toString('base64') };
}

/**
 * Emails each tenant's admins the requests due within a week or overdue,
 * at most once a day per tenant. The message names requests by reference,
 * type and due date only.
 */
export async function sendDeadlineDigests(orm: Orm, publicUrl: string): Promise<number> {
  let sent = 0;
  for (const tenant of await orm.em.fork().find(Tenant, {})) {
    const em = orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    const today = dayOf();
    const urgent = (await em.find(PrivacyRequest, { status: { $in: OPEN } }, { orderBy: { dueOn: 'asc' } }))
      .map((r) => ({ r, clock: clockOf(r, today) }))
      .filter(({ clock }) => clock.state !== 'on_track');
    if (urgent.length === 0) continue;
    const since = new Date(`${today}T00:00:00.000Z`);
    if (await em.count(OutboxEmail, { template: 'privacy_request_digest', createdAt: { $gte: since } })) continue;
    const admins = await em.find(Membership, { tenant, role: { $in: ['owner', 'admin'] }, status: 'active' }, { populate: ['user'] });
    const lines = urgent.map(
      ({ r, clock }) =>
        `- ${r.id.slice(0, 8).toUpperCase()}  ${REQUEST_TYPE_LABELS[r.type]}  ${clock.kind === 'acknowledge' ? 'acknowledge by' : 'due'} ${clock.on}${clock.state === 'overdue' ? '  OVERDUE' : ''}`,
    );
    await em.transactional(async (tx) => {
      for (const admin of admins) {
        enqueueEmail(tx, {
          tenantId: tenant.id,
          to: admin.user.email,
          template: 'privacy_request_digest',
          subject: `${tenant.name}: ${urgent.length} privacy request${urgent.length === 1 ? '' : 's'} due soon or overdue`,
          text: `These privacy requests need an answer soon:\n\n${lines.join('\n')}\n\nOpen the queue: ${publicUrl}/admin/#/privacy-requests\n`,
        });
        sent += 1;
      }
    });
  }
  return sent;
}
