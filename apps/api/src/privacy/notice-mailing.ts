import {
  Candidate,
  type Em,
  type InferEntity,
  type Orm,
  PrivacyNotice,
  TENANT_FILTER,
  type Tenant,
} from '@candor/db';
import type { TNoticeMailing } from '@candor/schemas';
import { dayIn } from '../mail/candidate-language.js';
import { renderEmail } from '../mail/email-templates.service.js';
import { enqueueEmail } from '../mail/outbox.js';
import { ERASED_EMAIL_SUFFIX } from '../retention/find-due.js';

type NoticeRow = InferEntity<typeof PrivacyNotice>;

/** Candidates emailed per transaction: small enough to keep each commit short, large enough to finish 100k in minutes. */
export const NOTICE_MAILING_BATCH = 250;

/** Candidates whose data the tenant still holds when the notice is published (erased rows keep only a placeholder). */
function heldAt(notice: NoticeRow) {
  return {
    tenant: notice.tenant,
    $not: { email: { $like: `%${ERASED_EMAIL_SUFFIX}` } },
    createdAt: { $lte: notice.publishedAt ?? new Date() },
  };
}

/**
 * Starts emailing a just-published material change: counts who will be
 * reached and marks the version for the batch worker. Runs in the publish
 * transaction, so a failed publish emails no one.
 */
export async function startNoticeMailing(tx: Em, notice: NoticeRow): Promise<void> {
  notice.mailingState = 'sending';
  notice.mailingCursor = null;
  notice.mailingQueued = 0;
  notice.mailingSkipped = 0;
  notice.mailingTotal = await tx.count(Candidate, heldAt(notice));
}

export function mailingOf(notice: NoticeRow): TNoticeMailing | null {
  if (!notice.mailingState) return null;
  return {
    state: notice.mailingState,
    total: notice.mailingTotal,
    queued: notice.mailingQueued,
    skipped: notice.mailingSkipped,
    finishedAt: notice.mailingFinishedAt?.toISOString() ?? null,
  };
}

function noticeLink(publicUrl: string, tenantSlug: string, version: number): string {
  return `${publicUrl}/careers/${tenantSlug}/privacy/versions/${version}/`;
}

/**
 * Queues the next batch of one mailing in one transaction, with its cursor:
 * every candidate is emailed once even if the process stops half-way or two
 * instances run the worker (the cursor moves only from the value read, so
 * the second writer's batch rolls back). Returns whether more remain.
 */
async function sendNextBatch(
  em: Em,
  noticeId: string,
  publicUrl: string,
  batchSize: number,
): Promise<boolean> {
  return em.transactional(async (tx) => {
    const notice = await tx.findOneOrFail(PrivacyNotice, noticeId, { populate: ['tenant'] });
    if (notice.mailingState !== 'sending' || notice.version == null) return false;
    const tenant = notice.tenant as InferEntity<typeof Tenant>;
    const from = notice.mailingCursor;
    const batch = await tx.find(
      Candidate,
      { ...heldAt(notice), ...(from ? { id: { $gt: from } } : {}) },
      {
        orderBy: { id: 'asc' },
        limit: batchSize,
        fields: ['id', 'name', 'email', 'restrictedAt', 'locale'],
      },
    );
    let queued = 0;
    for (const candidate of batch) {
      // Art. 18: a restricted candidate's data is only stored, so their address is not used; the portal shows them the new notice.
      if (candidate.restrictedAt) continue;
      const message = renderEmail(
        tenant,
        'notice_changed',
        {
          candidate_name: candidate.name,
          change_summary: notice.changeSummary,
          effective_on: dayIn(notice.effectiveOn ?? '', candidate.locale),
          notice_link: noticeLink(publicUrl, tenant.slug, notice.version),
        },
        publicUrl,
        candidate.locale,
      );
      enqueueEmail(tx, {
        tenantId: tenant.id,
        to: candidate.email,
        candidateId: candidate.id,
        bulk: true,
        ...message,
      });
      queued += 1;
    }
    const done = batch.length < batchSize;
    const moved = await tx.nativeUpdate(
      PrivacyNotice,
      { id: notice.id, mailingCursor: from },
      {
        mailingCursor: batch.at(-1)?.id ?? from,
        mailingQueued: notice.mailingQueued + queued,
        mailingSkipped: notice.mailingSkipped + batch.length - queued,
        ...(done ? { mailingState: 'done' as const, mailingFinishedAt: new Date() } : {}),
      },
    );
    if (moved !== 1) throw new MailingRaced();
    return !done;
  });
}

class MailingRaced extends Error {}

/**
 * The batch worker: advances every mailing in progress, across tenants, by
 * up to `maxBatches` batches each. Another instance that got there first
 * makes a batch roll back, not send twice.
 */
export async function sendNoticeMailings(
  orm: Orm,
  options: { publicUrl: string; batchSize?: number; maxBatches?: number; until?: number },
): Promise<number> {
  const batchSize = options.batchSize ?? NOTICE_MAILING_BATCH;
  const maxBatches = options.maxBatches ?? 20;
  const sending = await orm.em
    .fork()
    .find(PrivacyNotice, { mailingState: 'sending' }, { filters: false, fields: ['id', 'tenant'] });
  let batches = 0;
  for (const notice of sending) {
    for (let i = 0; i < maxBatches; i += 1) {
      // Out of time (a scheduled round's budget): the cursor keeps the place for the next round.
      if (options.until !== undefined && Date.now() > options.until) return batches;
      const em = orm.em.fork();
      em.setFilterParams(TENANT_FILTER, { tenantId: notice.tenant.id });
      try {
        batches += 1;
        if (!(await sendNextBatch(em, notice.id, options.publicUrl, batchSize))) break;
      } catch (error) {
        if (error instanceof MailingRaced) break;
        throw error;
      }
    }
  }
  return batches;
}
