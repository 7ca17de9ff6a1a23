import {
  Application,
  Candidate,
  candidatesMatching,
  type Em,
  findPage,
  type InferEntity,
  Tenant,
} from '@candor/db';
import {
  nameKey,
  phoneKey,
  type TCandidate,
  type TCandidateListItem,
  type TDuplicateHint,
  type ZCandidateCreateInput,
  type ZCandidateListParams,
  type ZCandidateMergeInput,
  type ZCandidateUpdateInput,
} from '@candor/schemas';
import type { z } from 'zod';
import { createApplicationIn } from '../applications/create-application.js';
import { recordAudit } from '../audit/audit.service.js';
import { IN_BLIND_REVIEW, reviewsBlind } from '../hiring/blind-review.js';
import { dayRange } from '../hiring/date-range.js';
import { visibleJobIds } from '../hiring/job-scope.js';
import { enqueueEmail } from '../mail/outbox.js';
import { noticeOnAdding, notToldFilter, sourcedNoticeOf } from '../privacy/sourced-notice.js';
import { dropTenantCopies } from '../reports/report-cache.js';
import { indexDocumentsSoon, reindexCandidateDocuments } from '../search/index-requests.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { type MergeDeps, moveMergedData } from './merge-sealed-data.js';
import { assertNotRestricted, candidateRestrictionScope } from './restriction.js';
import { restrictedEmail, restrictionLiftedEmail } from './restriction-emails.js';

type CandidateRow = InferEntity<typeof Candidate>;

function toListItem(c: CandidateRow, applicationCount: number): TCandidateListItem {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone ?? null,
    location: c.location ?? null,
    links: c.links,
    source: c.source,
    createdAt: c.createdAt.toISOString(),
    lastActivityAt: c.lastActivityAt.toISOString(),
    restrictedAt: c.restrictedAt?.toISOString() ?? null,
    sourcedNotice: sourcedNoticeOf(c),
    applicationCount,
    hasPossibleDuplicates: c.possibleDuplicate,
  };
}

/**
 * Candidates a staff member may see: all of them, or for hiring managers
 * those with an application to a job whose hiring team they are on. A
 * candidate with an application in blind review is not among them: the
 * profile would tell the reviewer who is behind the alias.
 */
export async function visibleCandidateIds(em: Em, actor: Actor): Promise<string[] | undefined> {
  const jobs = await visibleJobIds(em, actor);
  if (!jobs) return undefined;
  if (jobs.length === 0) return [];
  const [rows, blind] = await Promise.all([
    em.find(Application, { job: { $in: jobs } }, { fields: ['candidate'] }),
    reviewsBlind(actor)
      ? em.find(Application, { job: { $in: jobs }, ...IN_BLIND_REVIEW }, { fields: ['candidate'] })
      : [],
  ]);
  const hidden = new Set(blind.map((r) => r.candidate.id));
  return [...new Set(rows.map((r) => r.candidate.id))].filter((id) => !hidden.has(id));
}

/** Loads a candidate the actor may see (restricted ones only if they see those); anything else is "not found". */
export async function visibleCandidate(em: Em, actor: Actor, id: string): Promise<CandidateRow> {
  const ids = await visibleCandidateIds(em, actor);
  const candidate =
    ids && !ids.includes(id)
      ? null
      : await em.findOne(Candidate, { id, ...candidateRestrictionScope(actor) });
  if (!candidate) throw new AppError('NOT_FOUND', 'No such candidate');
  return candidate;
}

async function applicationCounts(em: Em, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows: Array<{ candidate_id: string; n: number | string }> = await em
    .getKnex()('application')
    .select('candidate_id')
    .count({ n: '*' })
    .whereIn('candidate_id', ids)
    .groupBy('candidate_id');
  return new Map(rows.map((r) => [r.candidate_id, Number(r.n)]));
}

export async function listCandidates(em: Em, actor: Actor, params: z.output<typeof ZCandidateListParams>) {
  const { page, perPage } = params.pagination;
  const { q, source, createdFrom, createdTo, possibleDuplicates, notTold, updatedSince } = params.filter;
  const visible = await visibleCandidateIds(em, actor);
  const created = dayRange(createdFrom, createdTo);
  // Each condition on the id on its own: a search must narrow the visible candidates, not replace them.
  const onId = [
    ...(visible ? [{ id: { $in: visible } }] : []),
    ...(q ? [{ id: await candidatesMatching(em, actor.tenantId, q) }] : []),
  ];
  const where = {
    ...(source ? { source } : {}),
    ...(possibleDuplicates !== undefined ? { possibleDuplicate: possibleDuplicates } : {}),
    ...(created ? { createdAt: created } : {}),
    ...(updatedSince ? { lastActivityAt: { $gte: new Date(updatedSince) } } : {}),
    // The Art. 14 queue: added by staff, not told yet (any other source filter still narrows it).
    ...(notTold ? { ...notToldFilter(), ...(source ? { source } : {}) } : {}),
    ...(onId.length ? { $and: onId } : {}),
    ...candidateRestrictionScope(actor),
  };
  const { rows, total, capped } = await findPage(em, Candidate, where, {
    orderBy: [
      { [params.sort.field]: params.sort.order },
      { id: params.sort.order === 'ASC' ? 'asc' : 'desc' },
    ],
    page,
    perPage,
    after: params.pagination.after,
  });
  const counts = await applicationCounts(
    em,
    rows.map((r) => r.id),
  );
  recordAudit(em, actor, { action: 'candidate.list', targetType: 'Candidate' });
  await em.flush();
  return { data: rows.map((r) => toListItem(r, counts.get(r.id) ?? 0)), total, capped };
}

/**
 * Other candidates of the tenant with the same phone or the same name.
 * Restricted candidates take no part: their data is not used to match.
 */
async function duplicatesOf(
  em: Em,
  c: Pick<CandidateRow, 'id' | 'phoneDigits' | 'nameKey' | 'restrictedAt'>,
): Promise<TDuplicateHint[]> {
  if (c.restrictedAt) return [];
  const conditions = [{ nameKey: c.nameKey }, ...(c.phoneDigits ? [{ phoneDigits: c.phoneDigits }] : [])];
  const rows = await em.find(
    Candidate,
    { id: { $ne: c.id }, restrictedAt: null, $or: conditions },
    { limit: 20 },
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    reasons: [
      ...(c.phoneDigits && row.phoneDigits === c.phoneDigits ? (['same_phone'] as const) : []),
      ...(row.nameKey === c.nameKey ? (['similar_name'] as const) : []),
    ],
  }));
}

async function toCandidate(em: Em, actor: Actor, c: CandidateRow): Promise<TCandidate> {
  const jobs = await visibleJobIds(em, actor);
  const applications = await em.find(
    Application,
    { candidate: c, ...(jobs ? { job: { $in: jobs } } : {}) },
    { populate: ['job', 'stage'], orderBy: { appliedAt: 'desc' } },
  );
  return {
    ...toListItem(c, applications.length),
    applications: applications.map((a) => ({
      id: a.id,
      jobId: a.job.id,
      jobTitle: a.job.title,
      stageName: a.stage.name,
      status: a.status,
      appliedAt: a.appliedAt.toISOString(),
    })),
    // Hiring managers see only their own jobs' candidates, so no duplicate hints across jobs.
    possibleDuplicates: jobs ? [] : await duplicatesOf(em, c),
  };
}

export async function getCandidate(em: Em, actor: Actor, id: string): Promise<TCandidate> {
  const candidate = await visibleCandidate(em, actor, id);
  recordAudit(em, actor, { action: 'candidate.read', targetType: 'Candidate', targetId: id, subjectId: id });
  await em.flush();
  return toCandidate(em, actor, candidate);
}

/** Flags the candidate and each likely duplicate, so both show up under "possible duplicates". */
async function flagDuplicates(em: Em, c: CandidateRow): Promise<void> {
  const hints = await duplicatesOf(em, c);
  c.possibleDuplicate = hints.length > 0;
  if (hints.length === 0) return;
  for (const other of await em.find(Candidate, { id: { $in: hints.map((h) => h.id) } }))
    other.possibleDuplicate = true;
}

export async function createCandidate(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZCandidateCreateInput>,
  publicUrl: string,
): Promise<TCandidate> {
  const candidate = await em.transactional(async (tx) => {
    if (await tx.findOne(Candidate, { email: input.email })) {
      throw new AppError('CONFLICT', 'A candidate with this email already exists; search for them instead', {
        email: ['Already a candidate'],
      });
    }
    const candidate = tx.create(Candidate, {
      tenant: actor.tenantId,
      name: input.name,
      email: input.email,
      phone: input.phone,
      phoneDigits: phoneKey(input.phone),
      nameKey: nameKey(input.name),
      location: input.location,
      links: input.links,
      source: input.source,
    });
    await flagDuplicates(tx, candidate);
    if (input.jobId)
      await createApplicationIn(tx, actor, { candidate, jobId: input.jobId, source: input.source });
    recordAudit(tx, actor, {
      action: 'candidate.create',
      targetType: 'Candidate',
      targetId: candidate.id,
      subjectId: candidate.id,
    });
    await tx.flush();
    // Someone else gave us their details: told now, unless the tenant tells people by hand (Art. 14).
    await noticeOnAdding(tx, actor, candidate, publicUrl);
    await tx.flush();
    return candidate;
  });
  return toCandidate(em, actor, candidate);
}

export async function updateCandidate(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZCandidateUpdateInput>,
): Promise<TCandidate> {
  const candidate = await visibleCandidate(em, actor, input.id);
  assertNotRestricted(candidate, 'their details cannot be edited');
  await em.transactional(async (tx) => {
    if (
      input.email &&
      input.email !== candidate.email &&
      (await tx.findOne(Candidate, { email: input.email }))
    ) {
      throw new AppError('CONFLICT', 'Another candidate has this email; merge them instead', {
        email: ['In use'],
      });
    }
    if (input.name !== undefined) {
      candidate.name = input.name;
      candidate.nameKey = nameKey(input.name);
    }
    if (input.email !== undefined) candidate.email = input.email;
    if (input.phone !== undefined) {
      candidate.phone = input.phone;
      candidate.phoneDigits = phoneKey(input.phone);
    }
    if (input.location !== undefined) candidate.location = input.location;
    if (input.links !== undefined) candidate.links = input.links;
    candidate.lastActivityAt = new Date();
    await flagDuplicates(tx, candidate);
    await reindexCandidateDocuments(tx, candidate.id);
    recordAudit(tx, actor, {
      action: 'candidate.update',
      targetType: 'Candidate',
      targetId: candidate.id,
      subjectId: candidate.id,
    });
    await tx.flush();
  });
  indexDocumentsSoon();
  return toCandidate(em, actor, candidate);
}

/**
 * Merges a duplicate into the record to keep: its applications move over,
 * missing contact details are filled from it, and the duplicate is deleted.
 * Two applications to the same job cannot be merged automatically.
 */
export async function mergeCandidates(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZCandidateMergeInput>,
  deps: MergeDeps,
): Promise<TCandidate> {
  const keep = await visibleCandidate(em, actor, input.keepId);
  const merged = await visibleCandidate(em, actor, input.mergeId);
  assertNotRestricted([keep, merged], 'their record cannot be merged');
  const afterMerge = await em.transactional(async (tx) => {
    const [keptApps, movedApps] = await Promise.all([
      tx.find(Application, { candidate: keep }),
      tx.find(Application, { candidate: merged }),
    ]);
    const keptJobs = new Set(keptApps.map((a) => a.job.id));
    if (movedApps.some((a) => keptJobs.has(a.job.id))) {
      throw new AppError(
        'CONFLICT',
        'Both candidates applied to the same job; withdraw or reject one application first',
        {
          mergeId: ['Same job twice'],
        },
      );
    }
    for (const app of movedApps) app.candidate = keep;
    await tx.flush();
    const finish = await moveMergedData(tx, deps, {
      tenantId: actor.tenantId,
      fromId: merged.id,
      toId: keep.id,
      movedApplicationIds: movedApps.map((a) => a.id),
    });
    keep.phone ??= merged.phone ?? null;
    keep.phoneDigits ??= merged.phoneDigits ?? null;
    keep.location ??= merged.location ?? null;
    keep.links = [...new Set([...keep.links, ...merged.links])];
    keep.lastActivityAt = new Date();
    await tx.flush();
    tx.remove(merged);
    await tx.flush();
    await flagDuplicates(tx, keep);
    await reindexCandidateDocuments(tx, keep.id);
    recordAudit(tx, actor, {
      action: 'candidate.merge',
      targetType: 'Candidate',
      targetId: keep.id,
      subjectId: keep.id,
    });
    recordAudit(tx, actor, {
      action: 'candidate.merged_away',
      targetType: 'Candidate',
      targetId: merged.id,
      subjectId: merged.id,
    });
    await tx.flush();
    return finish;
  });
  await afterMerge();
  indexDocumentsSoon();
  return toCandidate(em, actor, keep);
}

/**
 * Restricts processing of a candidate's data (Art. 18) for a request staff
 * received by phone or letter, and confirms it to the candidate. The
 * privacy portal does the same when the candidate asks there.
 */
export async function restrictCandidate(
  em: Em,
  actor: Actor,
  id: string,
  publicUrl: string,
): Promise<TCandidate> {
  const candidate = await visibleCandidate(em, actor, id);
  if (candidate.restrictedAt)
    throw new AppError('PRECONDITION_FAILED', 'Processing of this candidate’s data is already restricted');
  await em.transactional(async (tx) => {
    const tenant = await tx.findOneOrFail(Tenant, actor.tenantId);
    const restrictedAt = new Date();
    candidate.restrictedAt = restrictedAt;
    enqueueEmail(tx, {
      tenantId: tenant.id,
      candidateId: candidate.id,
      to: candidate.email,
      ...restrictedEmail(tenant, { name: candidate.name, restrictedAt, locale: candidate.locale }, publicUrl),
    });
    recordAudit(tx, actor, {
      action: 'candidate.restrict',
      targetType: 'Candidate',
      targetId: candidate.id,
      subjectId: candidate.id,
    });
    await tx.flush();
    await dropTenantCopies(tx, actor.tenantId);
  });
  indexDocumentsSoon();
  return toCandidate(em, actor, candidate);
}

/**
 * Lifts a restriction of processing. The candidate must be told before their
 * data is used again (Art. 18(3)): the email is queued in the same
 * transaction, and as a rights email the outbox never holds it.
 */
export async function liftRestriction(
  em: Em,
  actor: Actor,
  id: string,
  publicUrl: string,
): Promise<TCandidate> {
  const candidate = await visibleCandidate(em, actor, id);
  const since = candidate.restrictedAt;
  if (!since)
    throw new AppError('PRECONDITION_FAILED', 'Processing of this candidate’s data is not restricted');
  await em.transactional(async (tx) => {
    const tenant = await tx.findOneOrFail(Tenant, actor.tenantId);
    enqueueEmail(tx, {
      tenantId: tenant.id,
      candidateId: candidate.id,
      to: candidate.email,
      ...restrictionLiftedEmail(
        tenant,
        { name: candidate.name, restrictedAt: since, locale: candidate.locale },
        publicUrl,
      ),
    });
    candidate.restrictedAt = null;
    recordAudit(tx, actor, {
      action: 'candidate.restriction_lift',
      targetType: 'Candidate',
      targetId: candidate.id,
      subjectId: candidate.id,
    });
    await tx.flush();
  });
  indexDocumentsSoon();
  return toCandidate(em, actor, candidate);
}
