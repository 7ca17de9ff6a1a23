import {
  ZCalDavConnectInput,
  ZCalendarFeedLink,
  ZCalendarSettings,
  ZCalendarSettingsInput,
  ZFreeSlots,
  ZFreeSlotsInput,
} from '@candor/schemas';
import { ownFactorProcedure, roleProcedure, router, tenantProcedure } from '../trpc/init.js';
import { connectCalDav, disconnectCalDav } from './calendar-connection.js';
import { findFreeSlots } from './scheduling.service.js';
import {
  myCalendarSettings,
  renewFeedLink,
  revokeFeedLink,
  updateCalendarSettings,
} from './staff-calendar.service.js';

/**
 * One's own calendar: time zone, working hours, the private ICS feed link.
 * Every member has one, whatever their role. The feed and the calendar
 * connection reach interviews of every organisation the person belongs to,
 * so a single sign-on session (which vouches for one organisation) cannot
 * set them up; zone and hours it can.
 */
export const calendarRouter = router({
  mine: tenantProcedure.output(ZCalendarSettings).query(({ ctx }) => myCalendarSettings(ctx.em, ctx.actor)),

  update: tenantProcedure
    .input(ZCalendarSettingsInput)
    .output(ZCalendarSettings)
    .mutation(({ ctx, input }) => updateCalendarSettings(ctx.em, ctx.actor, input)),

  /** A new feed link (shown once); the previous one stops working. */
  renewFeed: ownFactorProcedure
    .output(ZCalendarFeedLink)
    .mutation(({ ctx }) => renewFeedLink(ctx.em, ctx.actor, ctx.deps.publicUrl)),

  revokeFeed: ownFactorProcedure
    .output(ZCalendarSettings)
    .mutation(({ ctx }) => revokeFeedLink(ctx.em, ctx.actor)),

  /** Connects a CalDAV calendar (signs in first; the app password is kept sealed). */
  connectCalDav: ownFactorProcedure
    .input(ZCalDavConnectInput)
    .output(ZCalendarSettings)
    .mutation(({ ctx, input }) => connectCalDav(ctx.em, ctx.actor, ctx.deps, input)),

  disconnectCalDav: ownFactorProcedure
    .output(ZCalendarSettings)
    .mutation(({ ctx }) => disconnectCalDav(ctx.em, ctx.actor)),

  /** Times the chosen interviewers can all make (working hours, Candor interviews, connected calendars), to offer a candidate. */
  freeSlots: roleProcedure('interviews.manage')
    .input(ZFreeSlotsInput)
    .output(ZFreeSlots)
    .query(({ ctx, input }) => findFreeSlots(ctx.em, ctx.actor, ctx.deps, input)),
});
