import {
  Application,
  type Em,
  type InferEntity,
  OutboxEmail,
  Referee,
  ReferenceRequest,
  TENANT_FILTER,
  Tenant,
  User,
} from '@candor/db';
import {
  DEFAULT_REFERENCE_QUESTIONS,
  type TApplicationReferences,
  type TReferee,
  type TRefereeExport,
  type TRefereeInput,
  type TRefereeStatus,
  type TReferenceQuestion,
} from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { hashToken, newToken } from '../auth/token-hash.js';
import { assertNotRestricted } from '../candidates/restriction.js';
import { isBlindFor } from '../hiring/blind-review.js';
import { applicationScope } from '../hiring/job-scope.js';
import { enqueueEmail } from '../mail/outbox.js';
import { notifyReferenceReceived } from '../notifications/events.js';
import { activeHoldsOn } from '../privacy/holds.service.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

type RefereeRow = InferEntity<typeof Referee>;
type RequestRow = InferEntity<typeof ReferenceRequest>;
type ApplicationRow = InferEntity<typeof Application>;

/** How long the candidate's and each referee's link work. */
export const REFERENCE_LINK_DAYS = 14;
const DAY = 24 * 60 * 60 * 1000;
const linkExpiry = (now = Date.now()) => new Date(now + REFERENCE_LINK_DAYS * DAY);

/** The time a sent link stays usable, as the pages and emails say it. */
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** A referee's status, with an unanswered link past its date counted as expired. */
function effectiveStatus(row: Pick<RefereeRow, 'status' | 'expiresAt'>, now = new Date()): TRefereeStatus {
  return row.status === 'invited' && row.expiresAt < now ? 'expired' : row.status;
}

function answersOf(row: RefereeRow): TReferee['answers'] {
  const labels = new Map(row.questions.map((q) => [q.id, q.label]));
  return (row.answers ?? []).map((a) => ({
    questionId: a.questionId,
    question: labels.get(a.questionId) ?? a.questionId,
    answer: a.answer,
  }));
}

function toDto(row: RefereeRow): TReferee {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    relationship: row.relationship,
    consentRecordedBy: row.consentRecordedBy,
    status: effectiveStatus(row),
    expiresAt: row.expiresAt.toISOString(),
    answers: answersOf(row),
    respondedAt: row.respondedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
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

function assertOpen(app: ApplicationRow) {
  assertNotRestricted(app.candidate, 'no references can be asked for');
  if (app.status !== 'active') throw new AppError('PRECONDITION_FAILED', `This application is ${app.status}`);
}

/** The referees of an application and what they wrote; nothing for a blind reviewer in blind review. */
export async function referencesOf(
  em: Em,
  actor: Actor,
  applicationId: string,
): Promise<TApplicationReferences> {
  const app = await visibleApplication(em, actor, applicationId);
  // References name the candidate (and the referees know who they are): never shown blind.
  if (isBlindFor(actor, app)) return { hiddenForBlindReview: true, pendingRequest: null, referees: [] };
  const [rows, pending] = await Promise.all([
    em.find(Referee, { application: app }, { orderBy: { createdAt: 'asc' } }),
    em.findOne(
      ReferenceRequest,
      { application: app, completedAt: null, tokenHash: { $ne: null }, expiresAt: { $gt: new Date() } },
      { orderBy: { createdAt: 'desc' } },
    ),
  ]);
  return {
    hiddenForBlindReview: false,
    pendingRequest: pending ? { count: pending.count, expiresAt: pending.expiresAt.toISOString() } : null,
    referees: rows.map(toDto),
  };
}

/** Emails the candidate a link to a page where they name `count` referees. */
export async function requestReferences(
  em: Em,
  actor: Actor,
  publicUrl: string,
  input: { applicationId: string; count: number },
): Promise<TApplicationReferences> {
  const app = await visibleApplication(em, actor, input.applicationId);
  assertOpen(app);
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  const token = newToken();
  const expiresAt = linkExpiry();
  await em.transactional(async (tx) => {
    // A new link replaces any earlier one still open.
    await tx.nativeUpdate(
      ReferenceRequest,
      { application: app.id, completedAt: null },
      { tokenHash: null, completedAt: new Date() },
    );
    tx.create(ReferenceRequest, {
      tenant: actor.tenantId,
      application: app.id,
      tokenHash: hashToken(token),
      count: input.count,
      expiresAt,
      createdBy: tx.getReference(User, actor.userId),
    });
    enqueueEmail(tx, {
      tenantId: actor.tenantId,
      candidateId: app.candidate.id,
      applicationId: app.id,
      to: app.candidate.email,
      template: 'reference_request',
      subject: `${tenant.name}: please name your referees`,
      text: [
        `Hello ${app.candidate.name},`,
        '',
        `Thank you for your application for ${app.job.title} at ${tenant.name}. As a next step we would like to speak to ${input.count === 1 ? 'one referee' : `${input.count} referees`} who know your work.`,
        '',
        'Please name them on this page, and only people who agreed to be contacted:',
        `${publicUrl}/references/name/${token}`,
        '',
        `The link works until ${dayOf(expiresAt)}.`,
        '',
        tenant.name,
      ].join('\n'),
    });
    recordAudit(tx, actor, {
      action: 'reference.request',
      targetType: 'Application',
      targetId: app.id,
      subjectId: app.candidate.id,
    });
    await tx.flush();
  });
  return referencesOf(em, actor, app.id);
}

/** Creates the referees and emails each one their form link (inside the caller's transaction). */
function inviteReferees(
  tx: Em,
  tenant: InferEntity<typeof Tenant>,
  app: ApplicationRow,
  referees: readonly TRefereeInput[],
  recordedBy: 'candidate' | 'staff',
  createdBy: string | null,
  publicUrl: string,
) {
  const questions: TReferenceQuestion[] = DEFAULT_REFERENCE_QUESTIONS.map((q) => ({ ...q }));
  const expiresAt = linkExpiry();
  for (const referee of referees) {
    const token = newToken();
    tx.create(Referee, {
      tenant: tenant.id,
      application: app.id,
      name: referee.name,
      email: referee.email,
      relationship: referee.relationship,
      consentRecordedBy: recordedBy,
      status: 'invited',
      questions,
      answers: null,
      tokenHash: hashToken(token),
      expiresAt,
      createdBy: createdBy ? tx.getReference(User, createdBy) : null,
    });
    enqueueEmail(tx, {
      tenantId: tenant.id,
      // About the candidate, to the referee: the candidate's export leaves it out (it is not addressed to them), erasure reaches it.
      candidateId: app.candidate.id,
      applicationId: app.id,
      to: referee.email,
      template: 'reference_invitation',
      subject: `${tenant.name}: a reference for ${app.candidate.name}`,
      text: [
        `Hello ${referee.name},`,
        '',
        `${app.candidate.name} has applied for ${app.job.title} at ${tenant.name} and named you as a referee, saying you agreed to be contacted.`,
        '',
        'If you are willing, please answer five short questions on this page (you can also decline there):',
        `${publicUrl}/references/answer/${token}`,
        '',
        `The link works until ${dayOf(expiresAt)}. If you do not know ${app.candidate.name}, please ignore this email.`,
        '',
        tenant.name,
      ].join('\n'),
    });
  }
}

/** Staff enter referees the candidate gave them, having ticked that the candidate had their agreement. */
export async function addReferees(
  em: Em,
  actor: Actor,
  publicUrl: string,
  input: { applicationId: string; referees: TRefereeInput[] },
): Promise<TApplicationReferences> {
  const app = await visibleApplication(em, actor, input.applicationId);
  assertOpen(app);
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  await em.transactional(async (tx) => {
    inviteReferees(tx, tenant, app, input.referees, 'staff', actor.userId, publicUrl);
    recordAudit(tx, actor, {
      action: 'reference.add',
      targetType: 'Application',
      targetId: app.id,
      subjectId: app.candidate.id,
    });
    await tx.flush();
  });
  return referencesOf(em, actor, app.id);
}

/** Staff withdraw a referee's open link (the candidate changed their mind, or a wrong address). */
export async function withdrawReferee(em: Em, actor: Actor, id: string): Promise<TApplicationReferences> {
  const row = await em.findOne(Referee, { id }, { populate: ['application'] });
  if (!row) throw new AppError('NOT_FOUND', 'No such referee');
  const app = await visibleApplication(em, actor, row.application.id);
  if (effectiveStatus(row) !== 'invited')
    throw new AppError('PRECONDITION_FAILED', 'Only an unanswered reference can be withdrawn');
  row.status = 'withdrawn';
  row.tokenHash = null;
  recordAudit(em, actor, {
    action: 'reference.withdraw',
    targetType: 'Application',
    targetId: app.id,
    subjectId: app.candidate.id,
  });
  await em.flush();
  return referencesOf(em, actor, app.id);
}

// The public pages: the token is the key, in any tenant.

const byToken = { filters: { [TENANT_FILTER]: false } } as const;

export type NominationLink =
  | { kind: 'invalid' }
  | { kind: 'open'; companyName: string; jobTitle: string; count: number; expiresOn: string };

async function requestByToken(em: Em, token: string): Promise<RequestRow | null> {
  const row = await em.findOne(
    ReferenceRequest,
    { tokenHash: hashToken(token) },
    { ...byToken, populate: ['application.candidate', 'application.job', 'tenant'] },
  );
  if (!row || row.completedAt || row.expiresAt < new Date()) return null;
  if (row.application.status !== 'active' || row.application.candidate.restrictedAt) return null;
  return row;
}

/** The candidate's link to name referees, if it still works. */
export async function openNomination(em: Em, token: string): Promise<NominationLink> {
  const row = await requestByToken(em, token);
  if (!row) return { kind: 'invalid' };
  return {
    kind: 'open',
    companyName: row.tenant.name,
    jobTitle: row.application.job.title,
    count: row.count,
    expiresOn: dayOf(row.expiresAt),
  };
}

/** The candidate names their referees, once: each gets their form link. */
export async function nominateReferees(
  em: Em,
  publicUrl: string,
  token: string,
  referees: TRefereeInput[],
  requestId: string,
): Promise<'done' | 'invalid'> {
  return em.transactional(async (tx) => {
    const row = await requestByToken(tx, token);
    if (!row) return 'invalid';
    row.completedAt = new Date();
    row.tokenHash = null;
    const app = row.application;
    inviteReferees(tx, row.tenant, app, referees.slice(0, row.count), 'candidate', null, publicUrl);
    app.lastActivityAt = new Date();
    recordAudit(
      tx,
      { userId: null, tenantId: row.tenant.id, requestId },
      {
        action: 'reference.nominate',
        targetType: 'Application',
        targetId: app.id,
        subjectId: app.candidate.id,
      },
    );
    await tx.flush();
    return 'done';
  });
}

export type RefereeLink =
  | { kind: 'invalid' }
  | {
      kind: 'open';
      companyName: string;
      candidateName: string;
      jobTitle: string;
      questions: TReferenceQuestion[];
      expiresOn: string;
    };

async function refereeByToken(em: Em, token: string): Promise<RefereeRow | null> {
  const row = await em.findOne(
    Referee,
    { tokenHash: hashToken(token) },
    { ...byToken, populate: ['application.candidate', 'application.job', 'tenant'] },
  );
  if (!row || effectiveStatus(row) !== 'invited') return null;
  // A decided application needs no more references (and a restricted candidate's data is not processed).
  if (row.application.status !== 'active' || row.application.candidate.restrictedAt) return null;
  return row;
}

/** A referee's form link, if it still works (unanswered, undeclined, not expired). */
export async function openRefereeForm(em: Em, token: string): Promise<RefereeLink> {
  const row = await refereeByToken(em, token);
  if (!row) return { kind: 'invalid' };
  return {
    kind: 'open',
    companyName: row.tenant.name,
    candidateName: row.application.candidate.name,
    jobTitle: row.application.job.title,
    questions: row.questions,
    expiresOn: dayOf(row.expiresAt),
  };
}

/** Field errors of a referee's answers against the questions asked; empty when they may be saved. */
export function answerErrors(questions: readonly TReferenceQuestion[], answers: Record<string, string>) {
  const errors: Record<string, string> = {};
  for (const q of questions) {
    const answer = answers[q.id]?.trim() ?? '';
    if (q.required && !answer)
      errors[q.id] = q.kind === 'yesno' ? 'Choose yes or no' : 'Please answer this question';
    else if (q.kind === 'yesno' && answer && answer !== 'yes' && answer !== 'no')
      errors[q.id] = 'Choose yes or no';
  }
  return errors;
}

/** The referee answers (or declines), once; the link stops working. */
export async function respondAsReferee(
  em: Em,
  token: string,
  response: { kind: 'answer'; answers: Record<string, string> } | { kind: 'decline' },
  requestId: string,
): Promise<'answered' | 'declined' | 'invalid' | { errors: Record<string, string> }> {
  return em.transactional(async (tx) => {
    const row = await refereeByToken(tx, token);
    if (!row) return 'invalid';
    if (response.kind === 'answer') {
      const errors = answerErrors(row.questions, response.answers);
      if (Object.keys(errors).length) return { errors };
      row.answers = row.questions
        .map((q) => ({ questionId: q.id, answer: response.answers[q.id]?.trim() ?? '' }))
        .filter((a) => a.answer);
    }
    row.status = response.kind === 'answer' ? 'answered' : 'declined';
    row.respondedAt = new Date();
    row.tokenHash = null;
    row.application.lastActivityAt = new Date();
    // Who asked: the staff member who entered the referee, or who sent the candidate their link.
    const askedBy =
      row.createdBy ??
      (
        await tx.findOne(
          ReferenceRequest,
          { application: row.application.id },
          { ...byToken, orderBy: { createdAt: 'desc' } },
        )
      )?.createdBy ??
      null;
    await notifyReferenceReceived(
      tx,
      { status: row.status, name: row.name, tenant: row.tenant, createdBy: askedBy },
      row.application,
    );
    recordAudit(
      tx,
      { userId: null, tenantId: row.tenant.id, requestId },
      {
        action: `reference.${row.status}`,
        targetType: 'Application',
        targetId: row.application.id,
        subjectId: row.application.candidate.id,
      },
    );
    await tx.flush();
    return row.status === 'answered' ? 'answered' : 'declined';
  });
}

/**
 * What Candor holds about one referee, for their own request of access: the
 * references they were asked for under this email address and what they
 * wrote. The candidate is named only by the job they applied for.
 */
export async function refereeExport(em: Em, actor: Actor, email: string): Promise<TRefereeExport> {
  const rows = await em.find(
    Referee,
    { email },
    { populate: ['application.job'], orderBy: { createdAt: 'asc' } },
  );
  recordAudit(em, actor, { action: 'reference.referee_export', targetType: 'Referee', targetId: null });
  await em.flush();
  return {
    email,
    generatedAt: new Date().toISOString(),
    references: rows.map((row) => ({
      name: row.name,
      email: row.email,
      relationship: row.relationship,
      jobTitle: row.application.job.title,
      status: effectiveStatus(row),
      invitedAt: row.createdAt.toISOString(),
      respondedAt: row.respondedAt?.toISOString() ?? null,
      answers: answersOf(row),
    })),
  };
}

/**
 * A referee's erasure request: their references go, and the invitations to
 * them, except where a legal hold keeps the candidate's record (the hold
 * covers what is held about that application; `held` says how many stayed).
 */
export async function eraseReferee(
  em: Em,
  actor: Actor,
  email: string,
): Promise<{ erased: number; held: number }> {
  const rows = await em.find(Referee, { email }, { populate: ['application'] });
  const held = new Set<string>();
  for (const candidateId of new Set(rows.map((r) => r.application.candidate.id))) {
    const holds = await activeHoldsOn(em, candidateId);
    for (const row of rows) {
      if (row.application.candidate.id !== candidateId) continue;
      if (holds.some((h) => !h.application || h.application.id === row.application.id)) held.add(row.id);
    }
  }
  const erasable = rows.filter((r) => !held.has(r.id));
  await em.transactional(async (tx) => {
    for (const row of erasable) tx.remove(row);
    // The invitations to them are their mail as well (those about a held application stay with it).
    const heldApplications = rows.filter((r) => held.has(r.id)).map((r) => r.application.id);
    await tx.nativeDelete(OutboxEmail, {
      to: email,
      template: 'reference_invitation',
      ...(heldApplications.length ? { application: { $nin: heldApplications } } : {}),
    });
    recordAudit(tx, actor, { action: 'reference.referee_erase', targetType: 'Referee', targetId: null });
    await tx.flush();
  });
  return { erased: erasable.length, held: held.size };
}
