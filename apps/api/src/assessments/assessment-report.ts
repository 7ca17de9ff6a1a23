import { AssessmentInvitation, type Em, Tenant } from '@candor/db';
import type { TAssessmentReport } from '@candor/schemas';
import { passes } from '../diversity/suppression.js';
import { diversitySettingsOf } from '../diversity/survey.service.js';
import { visibleJobIds } from '../hiring/job-scope.js';
import { percentile } from '../reports/reports.service.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { effectiveStatus } from './assessments.service.js';

const DAY_MS = 86_400_000;

/**
 * Per assessment and job, over the invitations sent in a period: how many
 * were invited, how many completed, the completion rate and the median
 * score (as a share of the maximum). Like the hiring reports
 * (docs/reports.md): candidates who restricted processing are not counted,
 * and a count that could single out fewer than k people is hidden (null).
 */
export async function assessmentReport(
  em: Em,
  actor: Actor,
  input: { from: string; to: string; jobId?: string; department?: string; assessmentId?: string },
  now = new Date(),
): Promise<TAssessmentReport> {
  const start = new Date(`${input.from}T00:00:00.000Z`);
  const end = new Date(new Date(`${input.to}T00:00:00.000Z`).getTime() + DAY_MS);
  if (end <= start)
    throw new AppError('BAD_REQUEST', 'The period ends before it starts', { to: ['Before from'] });
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  const { k } = diversitySettingsOf(tenant);
  const jobIds = await visibleJobIds(em, actor);
  const rows = await em.find(
    AssessmentInvitation,
    {
      invitedAt: { $gte: start, $lt: end },
      status: { $ne: 'withdrawn' },
      application: {
        candidateRestricted: false,
        job: {
          ...(input.jobId ? { id: input.jobId } : jobIds ? { id: { $in: jobIds } } : {}),
          ...(input.department ? { department: input.department } : {}),
        },
      },
      ...(input.assessmentId ? { assessment: input.assessmentId } : {}),
    },
    { populate: ['assessment', 'application.job'] },
  );
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.assessment.id}/${row.application.job.id}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const out: TAssessmentReport['rows'] = [...groups.values()].map((group) => {
    const first = group[0]!;
    const invited = group.length;
    const completed = group.filter((r) => {
      const status = effectiveStatus(r, now);
      return status === 'submitted' || status === 'scored';
    }).length;
    const scores = group
      .filter((r) => r.status === 'scored' && r.totalPoints != null && r.maxPoints > 0)
      .map((r) => (r.totalPoints ?? 0) / r.maxPoints)
      .sort((a, b) => a - b);
    const shownInvited = passes(invited, k) ? invited : null;
    const shownCompleted = passes(completed, k) ? completed : null;
    const median = scores.length >= k ? percentile(scores, 0.5) : null;
    return {
      assessmentId: first.assessment.id,
      assessmentTitle: first.assessment.title,
      jobId: first.application.job.id,
      jobTitle: first.application.job.title,
      invited: shownInvited,
      completed: shownCompleted,
      completionRate:
        shownInvited !== null && shownCompleted !== null && shownInvited > 0
          ? shownCompleted / shownInvited
          : null,
      medianScore: median === null ? null : Math.round(median * 1000) / 1000,
    };
  });
  out.sort(
    (a, b) => a.assessmentTitle.localeCompare(b.assessmentTitle) || a.jobTitle.localeCompare(b.jobTitle),
  );
  return { from: input.from, to: input.to, k, rows: out };
}
