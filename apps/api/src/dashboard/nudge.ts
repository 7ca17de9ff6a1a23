import { type Em, InterviewParticipant, Scorecard, UniqueConstraintViolationException } from '@candor/db';
import { dayOf } from '@candor/schemas';
import { blindAlias } from '../hiring/blind-review.js';
import { visibleApplication } from '../hiring/job-scope.js';
import { applicationLink } from '../notifications/events.js';
import { notify } from '../notifications/notify.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

/**
 * Reminds an interviewer of a scorecard they owe: a "Scorecard due"
 * notification that opens the form. At most one nudge per interviewer,
 * interview and day, so a second click (or a colleague's) tells nobody twice.
 */
export async function nudgeInterviewer(
  em: Em,
  actor: Actor,
  input: { interviewId: string; userId: string },
): Promise<{ notified: number }> {
  const seat = await em.findOne(
    InterviewParticipant,
    { interview: input.interviewId, user: input.userId },
    { populate: ['interview'] },
  );
  if (!seat) throw new AppError('NOT_FOUND', 'No such interviewer on this interview');
  // The interview's application must be one the actor may see; anything else is "not found".
  const app = await visibleApplication(em, actor, seat.interview.application.id);
  if (seat.interview.status !== 'scheduled' || seat.interview.endsAt > new Date()) {
    throw new AppError('BAD_REQUEST', 'The interview has not ended yet', { interviewId: ['Not ended'] });
  }
  if ((await em.count(Scorecard, { interview: seat.interview.id, author: input.userId })) > 0) {
    throw new AppError('BAD_REQUEST', 'The scorecard is already in', { interviewId: ['Already submitted'] });
  }
  try {
    const notified = await em.transactional((tx) =>
      notify(tx, {
        tenantId: actor.tenantId,
        userIds: [input.userId],
        kind: 'scorecard_due',
        text: `Please send your scorecard for ${app.candidate.name} (${app.job.title})`,
        blindText: `Please send your scorecard for ${blindAlias(app.id)} (${app.job.title})`,
        link: `${applicationLink(app.id)}?scorecard=${seat.interview.id}`,
        candidateId: app.candidate.id,
        applicationId: app.id,
        actorId: actor.userId,
        eventKey: `scorecard_nudge:${seat.interview.id}:${input.userId}:${dayOf()}`,
      }),
    );
    return { notified };
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return { notified: 0 };
    throw error;
  }
}
