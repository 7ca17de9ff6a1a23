import { Candidate, type Em, PrivacyRequest } from '@candor/db';
import {
  dayOf,
  jurisdictionOf,
  requestDeadlines,
  type TPrivacyRequest,
  type ZRequestCreateInput,
} from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.service.js';
import { AppError } from '../../trpc/app-error.js';
import type { Actor } from '../../trpc/init.js';
import { type ProofDeps, withStoredProof } from './agent-proof.js';
import { getRequest } from './request-queue.js';
import { loadRequest, note, OPEN, type RequestRow } from './request-record.js';
import { mailRequester } from './requester-mail.js';

/** Tells the requester, in their language, that the request arrived and by when they will have the answer. */
async function acknowledge(tx: Em, row: RequestRow, tenantId: string, publicUrl: string): Promise<void> {
  row.acknowledgedAt = new Date();
  await mailRequester(tx, row, tenantId, publicUrl, row.requesterEmail, (t, company, day) => ({
    subject: t.emailRequestReceivedSubject(company),
    text: t.emailRequestReceivedBody(day(row.receivedOn), day(row.dueOn)),
  }));
  note(row, 'request.acknowledged', 'receipt emailed to the requester');
}

export async function createRequest(
  em: Em,
  actor: Actor,
  deps: ProofDeps & { publicUrl: string },
  input: z.output<typeof ZRequestCreateInput>,
): Promise<TPrivacyRequest> {
  // The input schema refuses a day in the future.
  const receivedOn = input.receivedOn ?? dayOf();
  if (input.agentProofFile && !input.agentName) {
    throw new AppError('BAD_REQUEST', 'Name the agent the proof is for', {
      agentName: ['Required with a proof file'],
    });
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
      if (input.acknowledge) await acknowledge(tx, row, actor.tenantId, deps.publicUrl);
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
export async function acknowledgeRequest(
  em: Em,
  actor: Actor,
  id: string,
  publicUrl: string,
): Promise<TPrivacyRequest> {
  await em.transactional(async (tx) => {
    const row = await loadRequest(tx, id);
    if (!OPEN.includes(row.status))
      throw new AppError('PRECONDITION_FAILED', 'The request is closed: its answer was sent');
    if (row.acknowledgedAt)
      throw new AppError('PRECONDITION_FAILED', 'The requester was told already that the request arrived');
    await acknowledge(tx, row, actor.tenantId, publicUrl);
    recordAudit(tx, actor, { action: 'request.acknowledge', targetType: 'PrivacyRequest', targetId: id });
  });
  return getRequest(em, actor, id);
}
