import { Application, type Em, HiringTeamMember, type InferEntity, Job, JobStage } from '@candor/db';
import { SEES_ALL_JOBS } from '@candor/schemas';
import { applicationRestrictionScope } from '../candidates/restriction.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

/**
 * The one place that decides which jobs (and so which applications and
 * candidates) a staff member may see: owners, admins and recruiters see all
 * jobs of the tenant; hiring managers only jobs whose hiring team they are on.
 * Returns undefined for "all jobs", else the ids of the visible jobs.
 * Candidates who restricted processing are hidden on top of this, by the rule
 * in ../candidates/restriction.ts (see `applicationScope`).
 */
export async function visibleJobIds(em: Em, actor: Actor): Promise<string[] | undefined> {
  if (SEES_ALL_JOBS.includes(actor.role)) return undefined;
  const seats = await em.find(HiringTeamMember, { user: actor.userId }, { fields: ['job'] });
  return seats.map((seat) => seat.job.id);
}

/** A where-clause fragment on an entity with a `job` relation, limiting it to visible jobs. */
export async function jobScope(em: Em, actor: Actor): Promise<{ job?: { $in: string[] } }> {
  const ids = await visibleJobIds(em, actor);
  return ids ? { job: { $in: ids } } : {};
}

/**
 * A where-clause fragment on `Application`: applications to visible jobs,
 * without those of restricted candidates unless the actor sees them.
 */
export async function applicationScope(
  em: Em,
  actor: Actor,
): Promise<{ job?: { $in: string[] }; candidateRestricted?: false }> {
  return { ...(await jobScope(em, actor)), ...applicationRestrictionScope(actor) };
}

/** Loads a job the actor may see; anything else is "not found", so ids of other jobs leak nothing. */
export async function visibleJob(em: Em, actor: Actor, jobId: string) {
  const ids = await visibleJobIds(em, actor);
  const job = ids && !ids.includes(jobId) ? null : await em.findOne(Job, jobId);
  if (!job) throw new AppError('NOT_FOUND', 'No such job');
  return job;
}

/**
 * A job the actor may see with its stages in order, read in one query (the
 * stages with their job joined): the board opens with it. A job always has
 * stages; one without would still be found, by a second read.
 */
export async function visibleJobStages(
  em: Em,
  actor: Actor,
  jobId: string,
): Promise<{ job: InferEntity<typeof Job>; stages: InferEntity<typeof JobStage>[] }> {
  const ids = await visibleJobIds(em, actor);
  if (ids && !ids.includes(jobId)) throw new AppError('NOT_FOUND', 'No such job');
  const stages = await em.find(JobStage, { job: jobId }, { populate: ['job'], orderBy: { position: 'asc' } });
  const job = stages[0]?.job ?? (await visibleJob(em, actor, jobId));
  return { job, stages };
}

/** Loads an application the actor may see; anything else is "not found". */
export async function visibleApplication(em: Em, actor: Actor, id: string) {
  const app = await em.findOne(
    Application,
    { id, ...(await applicationScope(em, actor)) },
    { populate: ['candidate', 'job', 'stage'] },
  );
  if (!app) throw new AppError('NOT_FOUND', 'No such application');
  return app;
}
