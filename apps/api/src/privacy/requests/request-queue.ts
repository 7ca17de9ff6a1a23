import { type Em, type InferEntity, PrivacyRequest, PrivacyRequestNote } from '@candor/db';
import { dayOf, requestDeadlines, type TPrivacyRequest, type ZRequestListParams } from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.service.js';
import type { Actor } from '../../trpc/init.js';
import { clockOf, loadRequest, OPEN, type RequestRow } from './request-record.js';

function toDto(row: RequestRow, notes: Array<InferEntity<typeof PrivacyRequestNote>> = []): TPrivacyRequest {
  const deadlines = requestDeadlines(
    row.receivedOn,
    row.jurisdiction,
    row.extendedAt !== null && row.extendedAt !== undefined,
  );
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
        ? {
            filename: row.agentProofFilename,
            contentType: row.agentProofContentType ?? 'application/octet-stream',
            size: row.agentProofSize ?? 0,
          }
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
    notes: notes.map((n) => ({
      id: n.id,
      body: n.body,
      author: n.author?.name ?? null,
      createdAt: n.createdAt.toISOString(),
    })),
  };
}

export async function getRequest(em: Em, actor: Actor, id: string): Promise<TPrivacyRequest> {
  const row = await loadRequest(em, id);
  const notes = await em.find(
    PrivacyRequestNote,
    { request: row },
    { populate: ['author'], orderBy: { createdAt: 'asc' } },
  );
  recordAudit(em, actor, { action: 'request.read', targetType: 'PrivacyRequest', targetId: id });
  await em.flush();
  return toDto(row, notes);
}

/** The queue: open requests by due date (the most urgent first), or the closed ones most recent first. */
export async function listRequests(
  em: Em,
  params: z.output<typeof ZRequestListParams>,
): Promise<TPrivacyRequest[]> {
  const status = params.status === 'open' ? { $in: OPEN } : params.status;
  const rows = await em.find(
    PrivacyRequest,
    { status, ...(params.type ? { type: params.type } : {}) },
    {
      populate: ['assignee', 'candidate'],
      orderBy: params.status === 'open' ? { dueOn: 'asc', id: 'asc' } : { receivedAt: 'desc', id: 'asc' },
      limit: 500,
    },
  );
  return rows.map((row) => toDto(row));
}

export async function requestCounts(em: Em): Promise<{ open: number; dueSoon: number; overdue: number }> {
  const rows = await em.find(
    PrivacyRequest,
    { status: { $in: OPEN } },
    { fields: ['id', 'dueOn', 'status', 'receivedOn', 'jurisdiction', 'extendedAt', 'acknowledgedAt'] },
  );
  const today = dayOf();
  const states = rows.map((r) => clockOf(r, today).state);
  return {
    open: rows.length,
    dueSoon: states.filter((s) => s === 'due_soon').length,
    overdue: states.filter((s) => s === 'overdue').length,
  };
}
