import { ApplicationIntake, type Em, Job } from '@candor/db';
import type { TUnfiledApplications } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { INTAKE_MAX_ATTEMPTS } from './file-applications.js';
import { applicationsReceived } from './intake-requests.js';

/** Stuck applications shown at once; more than that means something is broken for everyone. */
const STUCK_SHOWN = 100;

/**
 * The tenant's received applications that are not filed yet: how many are
 * still being tried, and those filing gave up on, which wait for a person.
 * `em` is filtered to the tenant.
 */
export async function unfiledApplications(em: Em): Promise<TUnfiledApplications> {
  const waiting = await em.count(ApplicationIntake, { attempts: { $lt: INTAKE_MAX_ATTEMPTS } });
  const stuck = await em.find(
    ApplicationIntake,
    { attempts: { $gte: INTAKE_MAX_ATTEMPTS } },
    {
      orderBy: { receivedAt: 'asc', id: 'asc' },
      limit: STUCK_SHOWN,
      fields: ['id', 'job', 'email', 'receivedAt', 'attempts', 'lastError'],
    },
  );
  const jobIds = [...new Set(stuck.map((row) => row.job.id))];
  const jobs = jobIds.length ? await em.find(Job, { id: { $in: jobIds } }, { fields: ['id', 'title'] }) : [];
  const titles = new Map(jobs.map((job) => [job.id, job.title]));
  return {
    waiting,
    stuck: stuck.map((row) => ({
      id: row.id,
      jobId: row.job.id,
      jobTitle: titles.get(row.job.id) ?? '',
      email: row.email,
      receivedAt: row.receivedAt.toISOString(),
      attempts: row.attempts,
      lastError: row.lastError ?? null,
    })),
  };
}

/**
 * A person fixed what kept an application from being filed: it gets its
 * attempts back and is filed at the next round (at once where this process
 * runs the filing job). Only an application filing gave up on.
 */
export async function fileAgain(em: Em, actor: Actor, id: string): Promise<void> {
  await em.transactional(async (tx) => {
    const reset = await tx.nativeUpdate(
      ApplicationIntake,
      { id, attempts: { $gte: INTAKE_MAX_ATTEMPTS } },
      { attempts: 0, claimedUntil: null },
    );
    if (reset !== 1) throw new AppError('NOT_FOUND', 'No such application waiting to be filed');
    recordAudit(tx, actor, {
      action: 'application.file_again',
      targetType: 'application_intake',
      targetId: id,
    });
  });
  applicationsReceived();
}
