import { type Em, Membership, PrivacyRequestNote, User } from '@candor/db';
import { dayOf, requestDeadlines, type TJurisdiction, type TPrivacyRequest } from '@candor/schemas';
import { recordAudit } from '../../audit/audit.service.js';
import { AppError } from '../../trpc/app-error.js';
import type { Actor } from '../../trpc/init.js';
import { getRequest } from './request-queue.js';
import { loadRequest, note, OPEN } from './request-record.js';
import { mailRequester } from './requester-mail.js';

/**
 * Extends the deadline once, to the longest the law allows, and tells the
 * requester why. Only possible within the first period (GDPR: within one
 * month; CCPA: within the first 45 days).
 */
export async function extendRequest(
  em: Em,
  actor: Actor,
  input: { id: string; reason: string },
  publicUrl: string,
): Promise<TPrivacyRequest> {
  await em.transactional(async (tx) => {
    const row = await loadRequest(tx, input.id);
    if (!OPEN.includes(row.status))
      throw new AppError('PRECONDITION_FAILED', 'Only an open request can be extended');
    if (row.extendedAt)
      throw new AppError('PRECONDITION_FAILED', 'The deadline was extended already; it can be extended once');
    const deadlines = requestDeadlines(row.receivedOn, row.jurisdiction, true);
    if (dayOf() > deadlines.extensionNoticeBy) {
      throw new AppError(
        'PRECONDITION_FAILED',
        `Too late to extend: the requester had to be told by ${deadlines.extensionNoticeBy}`,
      );
    }
    row.extendedAt = new Date();
    row.extensionReason = input.reason;
    row.dueOn = deadlines.dueOn;
    // The reason as staff typed it, in Candor's words around it.
    await mailRequester(tx, row, actor.tenantId, publicUrl, row.requesterEmail, (t, company, day) => ({
      subject: t.emailRequestExtendedSubject(company),
      text: t.emailRequestExtendedBody(day(row.dueOn), input.reason),
    }));
    note(row, 'deadline.extended', `to ${row.dueOn}`);
    recordAudit(tx, actor, { action: 'request.extend', targetType: 'PrivacyRequest', targetId: row.id });
  });
  return getRequest(em, actor, input.id);
}

export async function setJurisdiction(
  em: Em,
  actor: Actor,
  input: { id: string; jurisdiction: TJurisdiction },
): Promise<TPrivacyRequest> {
  const row = await loadRequest(em, input.id);
  row.jurisdiction = input.jurisdiction;
  row.dueOn = requestDeadlines(row.receivedOn, input.jurisdiction, Boolean(row.extendedAt)).dueOn;
  note(row, 'jurisdiction.changed', input.jurisdiction);
  recordAudit(em, actor, { action: 'request.jurisdiction', targetType: 'PrivacyRequest', targetId: row.id });
  await em.flush();
  return getRequest(em, actor, input.id);
}

export async function assignRequest(
  em: Em,
  actor: Actor,
  input: { id: string; assigneeId: string | null },
): Promise<TPrivacyRequest> {
  const row = await loadRequest(em, input.id);
  if (
    input.assigneeId &&
    !(await em.findOne(Membership, {
      tenant: actor.tenantId,
      user: input.assigneeId,
      role: { $in: ['owner', 'admin'] },
    }))
  ) {
    throw new AppError('BAD_REQUEST', 'Assign the request to an admin of this company', {
      assigneeId: ['Not an admin here'],
    });
  }
  row.assignee = input.assigneeId ? em.getReference(User, input.assigneeId) : null;
  recordAudit(em, actor, { action: 'request.assign', targetType: 'PrivacyRequest', targetId: row.id });
  await em.flush();
  return getRequest(em, actor, input.id);
}

export async function addRequestNote(
  em: Em,
  actor: Actor,
  input: { id: string; body: string },
): Promise<TPrivacyRequest> {
  const row = await loadRequest(em, input.id);
  em.create(PrivacyRequestNote, {
    tenant: actor.tenantId,
    request: row,
    author: em.getReference(User, actor.userId),
    body: input.body,
  });
  recordAudit(em, actor, { action: 'request.note', targetType: 'PrivacyRequest', targetId: row.id });
  await em.flush();
  return getRequest(em, actor, input.id);
}
