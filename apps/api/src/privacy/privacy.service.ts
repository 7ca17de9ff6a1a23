import { ConsentEvent, type Em, type InferEntity, PrivacyNotice, Tenant, User } from '@candor/db';
import {
  DIVERSITY_PURPOSE,
  dayOf,
  type TConsentEvent,
  type TPrivacyNotice,
  type TPrivacySettings,
  type ZNoticeDraftInput,
  type ZNoticePublishInput,
} from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { visibleCandidate } from '../candidates/candidates.service.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { mailingOf, startNoticeMailing } from './notice-mailing.js';

type NoticeRow = InferEntity<typeof PrivacyNotice>;

function toNotice(n: NoticeRow): TPrivacyNotice {
  return {
    id: n.id,
    status: n.version == null ? 'draft' : 'published',
    version: n.version ?? null,
    bodyMd: n.bodyMd,
    effectiveOn: n.effectiveOn ?? null,
    materialChange: n.materialChange,
    changeSummary: n.changeSummary,
    publishedAt: n.publishedAt?.toISOString() ?? null,
    publishedBy: n.publishedBy ? { id: n.publishedBy.id, name: n.publishedBy.name } : null,
    updatedAt: n.updatedAt.toISOString(),
    mailing: mailingOf(n),
    translations: n.translations ?? {},
  };
}

export async function updatePrivacySettings(
  em: Em,
  actor: Actor,
  settings: TPrivacySettings,
): Promise<TPrivacySettings> {
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  tenant.privacySettings = settings;
  recordAudit(em, actor, {
    action: 'settings.privacy_update',
    targetType: 'Tenant',
    targetId: actor.tenantId,
  });
  await em.flush();
  return settings;
}

/** The tenant's one draft; newest first should a race ever have made two. */
function findDraft(em: Em): Promise<NoticeRow | null> {
  return em.findOne(PrivacyNotice, { version: null }, { orderBy: { updatedAt: 'desc', id: 'desc' } });
}

/** The draft (if any) first, then the published versions, newest first. */
export async function listNotices(em: Em): Promise<TPrivacyNotice[]> {
  const [draft, published] = await Promise.all([
    findDraft(em),
    em.find(
      PrivacyNotice,
      { version: { $ne: null } },
      { populate: ['publishedBy'], orderBy: { version: 'desc' } },
    ),
  ]);
  return [...(draft ? [draft] : []), ...published].map(toNotice);
}

/**
 * Creates or updates the tenant's single draft. Published versions are never
 * touched here: after a publish, the next save starts a new draft.
 */
export async function saveNoticeDraft(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZNoticeDraftInput>,
): Promise<TPrivacyNotice> {
  const existing = await findDraft(em);
  const draft =
    existing ?? em.create(PrivacyNotice, { tenant: actor.tenantId, version: null, bodyMd: input.bodyMd });
  draft.bodyMd = input.bodyMd;
  if (input.translations !== undefined) draft.translations = input.translations;
  recordAudit(em, actor, { action: 'notice.draft_save', targetType: 'PrivacyNotice', targetId: draft.id });
  await em.flush();
  return toNotice(draft);
}

/**
 * Freezes the draft as the next version. Notices cannot be backdated: what
 * applicants were shown before today must stay what they were shown.
 */
export async function publishNotice(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZNoticePublishInput>,
): Promise<TPrivacyNotice> {
  const today = dayOf();
  if (input.effectiveOn < today) {
    throw new AppError('BAD_REQUEST', 'A notice cannot take effect in the past', {
      effectiveOn: [`Choose today (${today}) or a later day`],
    });
  }
  const published = await em.transactional(async (tx) => {
    const draft = await findDraft(tx);
    if (!draft)
      throw new AppError(
        'PRECONDITION_FAILED',
        'There is no draft to publish: save a draft of the notice first',
      );
    const [latest] = await tx.find(
      PrivacyNotice,
      { version: { $ne: null } },
      { orderBy: { version: 'desc' }, limit: 1, fields: ['version'] },
    );
    draft.version = (latest?.version ?? 0) + 1;
    draft.effectiveOn = input.effectiveOn;
    draft.materialChange = input.materialChange;
    draft.changeSummary = input.changeSummary;
    draft.publishedAt = new Date();
    draft.publishedBy = tx.getReference(User, actor.userId);
    if (input.emailCandidates) await startNoticeMailing(tx, draft);
    recordAudit(tx, actor, { action: 'notice.publish', targetType: 'PrivacyNotice', targetId: draft.id });
    await tx.flush();
    return draft;
  });
  await em.populate(published, ['publishedBy']);
  return toNotice(published);
}

/** A candidate's consent decisions, newest first, if the actor may see the candidate at all. */
export async function consentHistory(em: Em, actor: Actor, candidateId: string): Promise<TConsentEvent[]> {
  const candidate = await visibleCandidate(em, actor, candidateId);
  // Whether someone took part in the diversity survey is not the hiring team's to know (the subject's own export has it).
  const events = await em.find(
    ConsentEvent,
    { candidate, purpose: { $ne: DIVERSITY_PURPOSE } },
    { orderBy: { occurredAt: 'desc', id: 'desc' } },
  );
  recordAudit(em, actor, {
    action: 'consent.read',
    targetType: 'Candidate',
    targetId: candidate.id,
    subjectId: candidate.id,
  });
  await em.flush();
  return events.map((e) => ({
    id: e.id,
    purpose: e.purpose,
    purposeLabel: e.purposeLabel,
    decision: e.decision,
    noticeVersion: e.noticeVersion ?? null,
    channel: e.channel,
    gpc: e.gpc,
    receiptId: e.receipt?.id ?? null,
    occurredAt: e.occurredAt.toISOString(),
  }));
}
