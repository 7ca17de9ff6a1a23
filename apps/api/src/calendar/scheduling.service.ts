import { type Em, InterviewParticipant, Membership, StaffCalendar, TENANT_FILTER } from '@candor/db';
import { DEFAULT_WORKING_HOURS, type TFreeSlots, type ZFreeSlotsInput } from '@candor/schemas';
import { zonedInstant } from '@candor/schemas/time-zones';
import type { z } from 'zod';
import { visibleApplication } from '../hiring/job-scope.js';
import type { Logger } from '../logging/logger.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import type { Interval } from './caldav.js';
import { type CalendarDeps, connectedBusyTimes } from './calendar-connection.js';
import { type Availability, freeSlots } from './free-slots.js';
import { DEFAULT_TIME_ZONE, jobTimeZone } from './staff-calendar.service.js';

const ANY_TENANT = { filters: { [TENANT_FILTER]: false } } as const;

/**
 * Each person's scheduled Candor interviews overlapping [from, to), in any
 * organisation: a person busy elsewhere is busy.
 */
export async function interviewBusyTimes(
  em: Em,
  userIds: readonly string[],
  from: Date,
  to: Date,
): Promise<Map<string, Interval[]>> {
  const rows = await em.find(
    InterviewParticipant,
    {
      user: { $in: [...userIds] },
      interview: { status: 'scheduled', startsAt: { $lt: to }, endsAt: { $gt: from } },
    },
    { ...ANY_TENANT, populate: ['interview'] },
  );
  const busy = new Map<string, Interval[]>();
  for (const row of rows) {
    busy.set(row.user.id, [
      ...(busy.get(row.user.id) ?? []),
      { start: row.interview.startsAt, end: row.interview.endsAt },
    ]);
  }
  return busy;
}

/**
 * The times a group of interviewers can all make, for offering to the
 * candidate: from each one's working hours (in their zone), their scheduled
 * Candor interviews and the busy times of their connected calendar. Days are
 * the job's (its zone). Whose calendar could not be read is said, not hidden.
 */
export async function findFreeSlots(
  em: Em,
  actor: Actor,
  deps: CalendarDeps,
  input: z.output<typeof ZFreeSlotsInput>,
  now = new Date(),
): Promise<TFreeSlots> {
  const app = await visibleApplication(em, actor, input.applicationId);
  const ids = [...new Set(input.interviewerIds)];
  const members = await em.find(
    Membership,
    { tenant: actor.tenantId, user: { $in: ids }, status: 'active' },
    { populate: ['user'] },
  );
  if (members.length !== ids.length) {
    throw new AppError('BAD_REQUEST', 'Interviewers must be active members of this organisation', {
      interviewerIds: ['Not an active member'],
    });
  }
  const timeZone = jobTimeZone(app.job);
  const from = zonedInstant(input.from, 0, timeZone);
  const to = zonedInstant(input.to, 24 * 60, timeZone);
  const [settings, interviews, calendars] = await Promise.all([
    em.find(StaffCalendar, { user: { $in: ids } }),
    interviewBusyTimes(em, ids, from, to),
    connectedBusyTimes(em, deps, ids, from, to),
  ]);
  const people: Availability[] = ids.map((id) => {
    const own = settings.find((s) => s.user.id === id);
    return {
      timeZone: own?.timeZone ?? DEFAULT_TIME_ZONE,
      workingHours: own?.workingHours ?? DEFAULT_WORKING_HOURS,
      busy: [...(interviews.get(id) ?? []), ...(calendars.busy.get(id) ?? [])],
    };
  });
  const slots = freeSlots({
    from: input.from,
    to: input.to,
    timeZone,
    durationMinutes: input.durationMinutes,
    people,
    now,
  });
  return {
    timeZone,
    slots: slots.map((s) => ({ startsAt: s.start.toISOString(), endsAt: s.end.toISOString() })),
    calendarsUnread: members
      .filter((m) => calendars.unread.includes(m.user.id))
      .map((m) => ({ id: m.user.id, name: m.user.name })),
  };
}
