import { Application, Attachment, type Em, InboundEmail, OutboxEmail, Tenant } from '@candor/db';
import type { TThread, TThreadMessage } from '@candor/schemas';
import { attachmentDownloadPath } from '../attachments/attachments.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { visibleCandidate } from '../candidates/candidates.service.js';
import { assertNotBlind } from '../hiring/blind-review.js';
import { visibleApplication, visibleJobIds } from '../hiring/job-scope.js';
import { candidateKey, type DataKeys, openText } from '../keys/data-keys.js';
import { withoutRecipientSecrets } from '../mail/outbox.service.js';
import type { Actor } from '../trpc/init.js';
import { withoutQuotedReply } from './thread-quote.js';

type Candidate = { id: string; email: string };

/** Which of the candidate's messages: all, or those about these applications and those about none. */
type Scope = string[] | 'all';

function applicationWhere(scope: Scope) {
  if (scope === 'all') return {};
  return { $or: [{ application: null }, { application: { $in: scope } }] };
}

async function threadOf(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  candidate: Candidate,
  scope: Scope,
): Promise<TThread> {
  const where = applicationWhere(scope);
  const [sent, received, tenant] = await Promise.all([
    em.find(
      OutboxEmail,
      { candidate: candidate.id, ...where },
      { orderBy: { createdAt: 'asc' }, populate: ['sentBy'] },
    ),
    em.find(InboundEmail, { candidate: candidate.id, ...where }, { orderBy: { receivedAt: 'asc' } }),
    em.findOneOrFail(Tenant, actor.tenantId, { fields: ['name'] }),
  ]);
  const files = received.length
    ? await em.find(
        Attachment,
        { inboundEmail: { $in: received.map((r) => r.id) } },
        { orderBy: { createdAt: 'asc' } },
      )
    : [];
  const key = received.length
    ? await candidateKey(em, keys, { tenantId: actor.tenantId, candidateId: candidate.id })
    : null;
  const address = candidate.email.toLowerCase();
  const messages: TThreadMessage[] = [
    // To the candidate only: a copy about them to an interviewer or a colleague is that person's mail.
    ...sent
      .filter((e) => e.to.toLowerCase() === address)
      .map(
        (e): TThreadMessage => ({
          id: e.id,
          direction: 'sent',
          status: e.status === 'pending' ? 'scheduled' : e.status,
          at: (e.status === 'pending' ? e.nextAttemptAt : (e.sentAt ?? e.nextAttemptAt)).toISOString(),
          // A message a colleague wrote names them; the automatic ones come from the organisation.
          from: e.sentBy ? `${e.sentBy.name} (${tenant.name})` : tenant.name,
          to: e.to,
          subject: e.subject,
          // The links and codes in it are the candidate's alone (an offer, an assessment, a check's authorization).
          text: withoutRecipientSecrets(e.template, e.text),
          shownText: withoutRecipientSecrets(e.template, e.text),
          template: e.template,
          applicationId: e.application?.id ?? null,
          attachments: (e.attachments ?? []).map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            downloadUrl: null,
          })),
          attachmentsLeftOut: 0,
        }),
      ),
    ...received.map((r): TThreadMessage => {
      const text = openText(key, r.text);
      return {
        id: r.id,
        direction: 'received',
        status: 'received',
        at: r.receivedAt.toISOString(),
        from: r.fromName ? `${r.fromName} <${r.fromAddress}>` : r.fromAddress,
        to: tenant.name,
        subject: openText(key, r.subject),
        text,
        shownText: withoutQuotedReply(text),
        template: null,
        applicationId: r.application?.id ?? null,
        attachments: files
          .filter((f) => f.inboundEmail?.id === r.id)
          .map((f) => ({
            filename: f.filename,
            contentType: f.contentType,
            downloadUrl: attachmentDownloadPath(f.id),
          })),
        attachmentsLeftOut: r.attachmentsLeftOut,
      };
    }),
  ];
  messages.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  recordAudit(em, actor, {
    action: 'thread.read',
    targetType: 'Candidate',
    targetId: candidate.id,
    subjectId: candidate.id,
  });
  await em.flush();
  return { messages };
}

/**
 * The candidate page's thread: for those who see every job, all of it; for
 * a hiring manager, messages about the applications of their jobs and those
 * about no application. Found as the candidate page is (restriction, blind
 * review and the hiring team decide; anything else is "not found").
 */
export async function threadOfCandidate(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  candidateId: string,
): Promise<TThread> {
  const candidate = await visibleCandidate(em, actor, candidateId);
  const jobs = await visibleJobIds(em, actor);
  const applicationIds = jobs
    ? (await em.find(Application, { candidate: candidateId, job: { $in: jobs } }, { fields: ['id'] })).map(
        (a) => a.id,
      )
    : 'all';
  return threadOf(em, actor, keys, candidate, applicationIds);
}

/** The application page's thread: messages about this application and those about none. Not for a blind reviewer: every email names the candidate. */
export async function threadOfApplication(
  em: Em,
  actor: Actor,
  keys: DataKeys,
  applicationId: string,
): Promise<TThread> {
  const app = await visibleApplication(em, actor, applicationId);
  assertNotBlind(actor, app, 'the candidate’s emails show who they are');
  return threadOf(em, actor, keys, app.candidate, [app.id]);
}
