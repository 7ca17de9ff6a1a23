import {
  Application,
  type Em,
  HiringTeamMember,
  type InferEntity,
  Membership,
  Notification,
} from '@candor/db';
import {
  SEES_ALL_JOBS,
  type TMentionable,
  type TNotification,
  type TNotificationList,
  type TNotificationPreferences,
  type ZNotificationListInput,
} from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { IN_BLIND_REVIEW, reviewsBlind } from '../hiring/blind-review.js';
import { visibleApplication } from '../hiring/job-scope.js';
import type { Actor } from '../trpc/init.js';

type NotificationRow = InferEntity<typeof Notification>;

function toNotification(n: NotificationRow, blind: boolean): TNotification {
  return {
    id: n.id,
    kind: n.kind,
    text: blind && n.blindText ? n.blindText : n.text,
    link: n.link,
    actorName: n.actor?.name ?? null,
    readAt: n.readAt ? n.readAt.toISOString() : null,
    createdAt: n.createdAt.toISOString(),
  };
}

/**
 * Which of `rows` a blind reviewer reads blind now (docs/blind-review.md):
 * the application is in blind review, or, for a notice about the candidate
 * as a whole, one of their applications is. Decided when read, as the
 * application page does, since the application moves after the notice.
 */
async function readBlind(em: Em, actor: Actor, rows: NotificationRow[]): Promise<Set<string>> {
  if (!reviewsBlind(actor)) return new Set();
  const about = rows.filter((n) => n.application || n.candidate);
  if (about.length === 0) return new Set();
  const apps = await em.find(
    Application,
    {
      $or: [
        { id: { $in: about.flatMap((n) => (n.application ? [n.application.id] : [])) } },
        { candidate: { $in: about.flatMap((n) => (!n.application && n.candidate ? [n.candidate.id] : [])) } },
      ],
      ...IN_BLIND_REVIEW,
    },
    { fields: ['id', 'candidate'] },
  );
  const blindApps = new Set(apps.map((a) => a.id));
  const blindCandidates = new Set(apps.map((a) => a.candidate.id));
  return new Set(
    about
      .filter((n) =>
        n.application ? blindApps.has(n.application.id) : n.candidate && blindCandidates.has(n.candidate.id),
      )
      .map((n) => n.id),
  );
}

/** The caller's own notifications, newest first, a page at a time. */
export async function listNotifications(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZNotificationListInput>,
): Promise<TNotificationList> {
  const before = input.before
    ? {
        $or: [
          { createdAt: { $lt: new Date(input.before.createdAt) } },
          { createdAt: new Date(input.before.createdAt), id: { $lt: input.before.id } },
        ],
      }
    : {};
  const rows = await em.find(
    Notification,
    { user: actor.userId, ...(input.unreadOnly ? { readAt: null } : {}), ...before },
    { populate: ['actor'], orderBy: { createdAt: 'desc', id: 'desc' }, limit: input.limit + 1 },
  );
  // They may name candidates: reading them is audited like any list of applications.
  const page = rows.slice(0, input.limit);
  const blind = await readBlind(em, actor, page);
  recordAudit(em, actor, { action: 'notification.list', targetType: 'Notification' });
  await em.flush();
  return { items: page.map((n) => toNotification(n, blind.has(n.id))), more: rows.length > input.limit };
}

/** The bell's number: one indexed count, cheap enough to ask every minute. */
export async function unreadCount(em: Em, actor: Actor): Promise<{ unread: number }> {
  return { unread: await em.count(Notification, { user: actor.userId, readAt: null }) };
}

export async function markRead(em: Em, actor: Actor, ids: readonly string[]): Promise<{ unread: number }> {
  await em.nativeUpdate(
    Notification,
    { id: { $in: [...ids] }, user: actor.userId, readAt: null },
    { readAt: new Date() },
  );
  return unreadCount(em, actor);
}

export async function markAllRead(em: Em, actor: Actor): Promise<{ unread: number }> {
  await em.nativeUpdate(Notification, { user: actor.userId, readAt: null }, { readAt: new Date() });
  return { unread: 0 };
}

async function ownMembership(em: Em, actor: Actor) {
  return em.findOneOrFail(Membership, { tenant: actor.tenantId, user: actor.userId });
}

export async function notificationPreferences(em: Em, actor: Actor): Promise<TNotificationPreferences> {
  return { email: (await ownMembership(em, actor)).notificationEmail };
}

export async function setNotificationPreferences(
  em: Em,
  actor: Actor,
  input: TNotificationPreferences,
): Promise<TNotificationPreferences> {
  const membership = await ownMembership(em, actor);
  membership.notificationEmail = input.email;
  await em.flush();
  return { email: membership.notificationEmail };
}

/**
 * Colleagues who can read an application (those who see every job, and its
 * hiring team), for the note field's @ suggestions; the caller left out.
 */
export async function mentionable(em: Em, actor: Actor, applicationId: string): Promise<TMentionable> {
  const app = await visibleApplication(em, actor, applicationId);
  return (await readersOf(em, actor.tenantId, app.job.id)).filter((m) => m.id !== actor.userId);
}

/** Active members who can open applications of `jobId`, by name. */
export async function readersOf(em: Em, tenantId: string, jobId: string): Promise<TMentionable> {
  const [members, seats] = await Promise.all([
    em.find(
      Membership,
      { tenant: tenantId, status: 'active' },
      { populate: ['user'], orderBy: { user: { name: 'asc' } } },
    ),
    em.find(HiringTeamMember, { job: jobId }, { fields: ['user'] }),
  ]);
  const seated = new Set(seats.map((s) => s.user.id));
  return members
    .filter((m) => SEES_ALL_JOBS.includes(m.role) || seated.has(m.user.id))
    .map((m) => ({ id: m.user.id, name: m.user.name, role: m.role }));
}
