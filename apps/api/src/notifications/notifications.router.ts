import {
  ZMarkReadInput,
  ZMentionable,
  ZMentionableInput,
  ZNotificationList,
  ZNotificationListInput,
  ZNotificationPreferences,
  ZUnreadCount,
} from '@candor/schemas';
import { roleProcedure, router, tenantProcedure } from '../trpc/init.js';
import {
  listNotifications,
  markAllRead,
  markRead,
  mentionable,
  notificationPreferences,
  setNotificationPreferences,
  unreadCount,
} from './notifications.service.js';

/** Each member's own notifications in the organisation they are signed in to (tenantProcedure: every role has them). */
export const notificationsRouter = router({
  list: tenantProcedure
    .input(ZNotificationListInput)
    .output(ZNotificationList)
    .query(({ ctx, input }) => listNotifications(ctx.em, ctx.actor, input)),

  unreadCount: tenantProcedure.output(ZUnreadCount).query(({ ctx }) => unreadCount(ctx.em, ctx.actor)),

  markRead: tenantProcedure
    .input(ZMarkReadInput)
    .output(ZUnreadCount)
    .mutation(({ ctx, input }) => markRead(ctx.em, ctx.actor, input.ids)),

  markAllRead: tenantProcedure.output(ZUnreadCount).mutation(({ ctx }) => markAllRead(ctx.em, ctx.actor)),

  preferences: tenantProcedure
    .output(ZNotificationPreferences)
    .query(({ ctx }) => notificationPreferences(ctx.em, ctx.actor)),

  setPreferences: tenantProcedure
    .input(ZNotificationPreferences)
    .output(ZNotificationPreferences)
    .mutation(({ ctx, input }) => setNotificationPreferences(ctx.em, ctx.actor, input)),

  // Who can be @mentioned in a note on this application: whoever may write the note asks.
  mentionable: roleProcedure('applications.note')
    .input(ZMentionableInput)
    .output(ZMentionable)
    .query(({ ctx, input }) => mentionable(ctx.em, ctx.actor, input.applicationId)),
});
