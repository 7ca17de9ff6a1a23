import type { Application, InferEntity, JobStage } from '@candor/db';
import { zonedDay, zonedInstant } from '@candor/schemas/time-zones';
import { blindAlias, isBlindFor } from '../hiring/blind-review.js';
import type { Actor } from '../trpc/init.js';

export const DAY = 86_400_000;
/** Every dashboard list shows this many items; its count says how many there are in all. */
export const LIST_LIMIT = 5;

type AppWithRefs = Pick<InferEntity<typeof Application>, 'id' | 'identityRevealedAt'> & {
  candidate: { name: string };
  job: { title: string };
  stage: Pick<InferEntity<typeof JobStage>, 'blindReview'>;
};

/** An application as one dashboard line: the candidate's name, or their alias for a blind reviewer. */
export function appLine(actor: Actor, app: AppWithRefs) {
  return {
    applicationId: app.id,
    who: isBlindFor(actor, app) ? blindAlias(app.id) : app.candidate.name,
    jobTitle: app.job.title,
  };
}

/** Today and the week ahead in the caller's zone: [start of today, start of tomorrow, start of today + 7 days). */
export function dayWindows(now: Date, timeZone: string) {
  const { day } = zonedDay(now, timeZone);
  const todayStart = zonedInstant(day, 0, timeZone);
  const tomorrowStart = zonedInstant(day, 24 * 60, timeZone);
  const weekEnd = zonedInstant(day, 7 * 24 * 60, timeZone);
  return { todayStart, tomorrowStart, weekEnd };
}
