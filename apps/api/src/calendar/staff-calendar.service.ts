import { type Em, type InferEntity, StaffCalendar, User } from '@candor/db';
import { DEFAULT_WORKING_HOURS, type TCalendarSettings, type ZCalendarSettingsInput } from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { hashToken, newToken } from '../auth/token-hash.js';
import type { Actor } from '../trpc/init.js';

export type StaffCalendarRow = InferEntity<typeof StaffCalendar>;

/** The zone anyone without a setting gets: UTC, named as such in their emails. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** The person's calendar settings, made with the defaults on first use (not flushed). */
export async function staffCalendarOf(em: Em, userId: string): Promise<StaffCalendarRow> {
  return (
    (await em.findOne(StaffCalendar, { user: userId })) ??
    em.create(StaffCalendar, {
      user: em.getReference(User, userId),
      timeZone: DEFAULT_TIME_ZONE,
      workingHours: DEFAULT_WORKING_HOURS,
    })
  );
}

/** Each person's time zone, UTC for those who set none. */
export async function timeZonesOf(em: Em, userIds: readonly string[]): Promise<Map<string, string>> {
  const rows = userIds.length ? await em.find(StaffCalendar, { user: { $in: [...userIds] } }) : [];
  const zones = new Map(rows.map((row) => [row.user.id, row.timeZone]));
  return new Map(userIds.map((id) => [id, zones.get(id) ?? DEFAULT_TIME_ZONE]));
}

/** The zone of a job's candidate-facing times. */
export function jobTimeZone(job: { timeZone?: string | null }): string {
  return job.timeZone ?? DEFAULT_TIME_ZONE;
}

export function toCalendarSettings(row: StaffCalendarRow): TCalendarSettings {
  return {
    timeZone: row.timeZone,
    workingHours: row.workingHours,
    feedCreatedAt: row.feedTokenHash ? (row.feedCreatedAt?.toISOString() ?? null) : null,
    caldav:
      row.caldavServerUrl && row.caldavUsername
        ? {
            serverUrl: row.caldavServerUrl,
            username: row.caldavUsername,
            calendarUrl: row.caldavCalendarUrl ?? null,
            error: row.caldavError ?? null,
            errorAt: row.caldavErrorAt?.toISOString() ?? null,
          }
        : null,
  };
}

export async function myCalendarSettings(em: Em, actor: Actor): Promise<TCalendarSettings> {
  return toCalendarSettings(await staffCalendarOf(em, actor.userId));
}

export async function updateCalendarSettings(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZCalendarSettingsInput>,
): Promise<TCalendarSettings> {
  const row = await staffCalendarOf(em, actor.userId);
  row.timeZone = input.timeZone;
  // Sorted by day and start, so the page and the slot finder read them in order.
  row.workingHours = [...input.workingHours].sort(
    (a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start),
  );
  await em.flush();
  return toCalendarSettings(row);
}

/**
 * A new private feed link, replacing any earlier one (which stops working).
 * Only the token's hash is kept: the link is shown this once.
 */
export async function renewFeedLink(em: Em, actor: Actor, publicUrl: string): Promise<{ url: string }> {
  const row = await staffCalendarOf(em, actor.userId);
  const token = newToken();
  row.feedTokenHash = hashToken(token);
  row.feedCreatedAt = new Date();
  recordAudit(em, actor, { action: 'calendar.feed_renew', targetType: 'User', targetId: actor.userId });
  await em.flush();
  return { url: `${publicUrl}/calendar/feed/${token}.ics` };
}

export async function revokeFeedLink(em: Em, actor: Actor): Promise<TCalendarSettings> {
  const row = await staffCalendarOf(em, actor.userId);
  row.feedTokenHash = null;
  row.feedCreatedAt = null;
  recordAudit(em, actor, { action: 'calendar.feed_revoke', targetType: 'User', targetId: actor.userId });
  await em.flush();
  return toCalendarSettings(row);
}
