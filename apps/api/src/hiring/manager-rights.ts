import { type Em, HiringTeamMember } from '@candor/db';
import { hiringSettingsOf } from '../settings/settings.service.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

/**
 * What a tenant may let its hiring managers do beyond reviewing (both off by
 * default, see the hiring settings): read the team's feedback on their jobs,
 * and move or reject candidates on them. "Their jobs" are those whose hiring
 * team has them as hiring manager: an interviewer's seat is not enough.
 */
async function managedJobIds(em: Em, actor: Actor, jobIds: readonly string[]): Promise<Set<string>> {
  const seats = await em.find(
    HiringTeamMember,
    { user: actor.userId, role: 'hiring_manager', job: { $in: [...jobIds] } },
    { fields: ['job'] },
  );
  return new Set(seats.map((seat) => seat.job.id));
}

/** A hiring manager reads all feedback on this job's applications once the first scorecard is in. */
export async function managerSeesTeamFeedback(em: Em, actor: Actor, jobId: string): Promise<boolean> {
  if (actor.role !== 'hiring_manager') return false;
  if (!(await hiringSettingsOf(em, actor.tenantId)).managersSeeTeamFeedback) return false;
  return (await managedJobIds(em, actor, [jobId])).has(jobId);
}

/**
 * Moving and rejecting: recruiters and admins always may; a hiring manager
 * only when the tenant allows it and only on jobs they manage. Callers load
 * the applications through the job scope first, so another job is already
 * "not found" there; a job they only interview for is refused here.
 */
export async function assertMayDecide(em: Em, actor: Actor, jobIds: readonly string[]): Promise<void> {
  if (actor.role !== 'hiring_manager') return;
  if (!(await hiringSettingsOf(em, actor.tenantId)).managersMayDecide) {
    throw new AppError(
      'FORBIDDEN',
      'Your organisation has not let hiring managers move or reject candidates',
    );
  }
  const managed = await managedJobIds(em, actor, jobIds);
  if (jobIds.some((id) => !managed.has(id))) {
    throw new AppError('FORBIDDEN', 'Only the hiring manager of a job may move or reject its candidates');
  }
}
