import {
  Application,
  ApplicationTag,
  candidatesMatching,
  countApplications,
  type Em,
  findPage,
} from '@candor/db';
import type { ZApplicationListParams } from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { seesRestricted } from '../candidates/restriction.js';
import { identifiableScope } from '../hiring/blind-review.js';
import { dayRange } from '../hiring/date-range.js';
import { applicationScope } from '../hiring/job-scope.js';
import type { Actor } from '../trpc/init.js';
import { toListItems } from './list-items.js';

/**
 * Ids of applications with a tag, as a sub-query rather than a list of ids:
 * a tag can sit on tens of thousands of applications. MikroORM takes a knex
 * query as the value of `$in`; its types only know arrays.
 */
function taggedWith(em: Em, tenantId: string, tag: string): string[] {
  // The query builder's knex query skips the tenant filter: name the tenant (and use its index).
  return em
    .createQueryBuilder(ApplicationTag, 't')
    .select('t.application')
    .where({ tenant: tenantId, tag })
    .getKnexQuery() as unknown as string[];
}

export async function listApplications(
  em: Em,
  actor: Actor,
  params: z.output<typeof ZApplicationListParams>,
) {
  const { page, perPage } = params.pagination;
  const f = params.filter;
  const scope = await applicationScope(em, actor);
  if (f.jobId && scope.job && !scope.job.$in.includes(f.jobId)) return { data: [], total: 0 };
  const applied = dayRange(f.appliedFrom, f.appliedTo);
  // Each condition on the candidate on its own, so that none replaces another.
  const onCandidate = [
    ...(f.candidateId ? [{ candidate: f.candidateId }] : []),
    ...(f.q ? [{ candidate: await candidatesMatching(em, actor.tenantId, f.q) }] : []),
    // A search by name, tag or a candidate's id must not tell a blind reviewer who is behind an alias.
    ...(f.q || f.candidateId || f.tag ? [identifiableScope(actor)] : []),
  ];
  const where = {
    ...scope,
    ...(f.jobId ? { job: f.jobId } : {}),
    ...(f.stageId ? { stage: f.stageId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.source ? { source: f.source } : {}),
    ...(applied ? { appliedAt: applied } : {}),
    ...(f.updatedSince ? { lastActivityAt: { $gte: new Date(f.updatedSince) } } : {}),
    // A semi-join, not a list of ids: a tag can sit on tens of thousands of applications.
    ...(f.tag ? { id: { $in: taggedWith(em, actor.tenantId, f.tag) } } : {}),
    ...(onCandidate.length ? { $and: onCandidate } : {}),
  };
  // A filter of only jobs, a stage and a status is counted by the maintained counts, not by reading the matches.
  const countable = !f.source && !applied && !f.updatedSince && !f.tag && onCandidate.length === 0;
  const { rows, total, capped } = await findPage(em, Application, where, {
    populate: ['candidate', 'job', 'stage'],
    orderBy: [
      { [params.sort.field]: params.sort.order },
      { id: params.sort.order === 'ASC' ? 'asc' : 'desc' },
    ],
    page,
    perPage,
    after: params.pagination.after,
    count: countable
      ? () =>
          countApplications(em, {
            tenantId: actor.tenantId,
            withRestricted: seesRestricted(actor),
            jobIds: f.jobId ? [f.jobId] : scope.job?.$in,
            stageId: f.stageId,
            status: f.status,
          })
      : undefined,
  });
  recordAudit(em, actor, { action: 'application.list', targetType: 'Application' });
  await em.flush();
  return { data: await toListItems(em, actor, rows), total, capped };
}
