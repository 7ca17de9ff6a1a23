import { type Em, StaffCalendar } from '@candor/db';
import type { TCalendarSettings, ZCalDavConnectInput } from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { assertPublicHost } from '../http/outbound-host.js';
import { unwrapSecret, wrapSecret } from '../keys/master-key.js';
import type { Logger } from '../logging/logger.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import {
  type CalDavAccount,
  calendarBusyTimes,
  deleteInterviewEvent,
  discoverCalendar,
  type Interval,
  putInterviewEvent,
} from './caldav.js';
import { type StaffCalendarRow, staffCalendarOf, toCalendarSettings } from './staff-calendar.service.js';

/** What calling a member's calendar needs: the master key (app passwords) and whether private hosts may be called. */
export type CalendarDeps = { masterKey: Buffer; allowPrivateHosts?: boolean; logger?: Logger };

/** The connected calendar's account, its app password opened; null when none is connected. */
export function calDavAccountOf(row: StaffCalendarRow, masterKey: Buffer): CalDavAccount | null {
  if (!row.caldavServerUrl || !row.caldavUsername || !row.caldavPasswordWrapped || !row.caldavCalendarUrl) {
    return null;
  }
  return {
    serverUrl: row.caldavServerUrl,
    username: row.caldavUsername,
    password: unwrapSecret(masterKey, row.caldavPasswordWrapped).toString('utf8'),
    calendarUrl: row.caldavCalendarUrl,
  };
}

/**
 * The account to call, once its calendar's host is checked to be public (a
 * host's answer can change after connecting); null when none is connected.
 */
async function callableAccount(row: StaffCalendarRow, deps: CalendarDeps): Promise<CalDavAccount | null> {
  const account = calDavAccountOf(row, deps.masterKey);
  if (account) await assertPublicHost(account.calendarUrl, deps.allowPrivateHosts ?? false);
  return account;
}

/**
 * Connects one's CalDAV calendar: signs in and finds the calendar first (a
 * wrong address or password is refused with a field error, nothing stored),
 * then keeps the app password sealed under the master key.
 */
export async function connectCalDav(
  em: Em,
  actor: Actor,
  deps: CalendarDeps,
  input: z.output<typeof ZCalDavConnectInput>,
): Promise<TCalendarSettings> {
  let calendarUrl: string;
  try {
    // The address given and the calendar the server points to must both be public (outbound-host.ts).
    await assertPublicHost(input.serverUrl, deps.allowPrivateHosts ?? false);
    calendarUrl = await discoverCalendar(input);
    await assertPublicHost(calendarUrl, deps.allowPrivateHosts ?? false);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'Could not reach this calendar server';
    throw new AppError('BAD_REQUEST', message, { serverUrl: [message] });
  }
  const row = await staffCalendarOf(em, actor.userId);
  row.caldavServerUrl = input.serverUrl;
  row.caldavUsername = input.username;
  row.caldavPasswordWrapped = wrapSecret(deps.masterKey, Buffer.from(input.password, 'utf8'));
  row.caldavCalendarUrl = calendarUrl;
  row.caldavError = null;
  row.caldavErrorAt = null;
  recordAudit(em, actor, { action: 'calendar.connect', targetType: 'User', targetId: actor.userId });
  await em.flush();
  return toCalendarSettings(row);
}

/** Forgets the connection and its password; events already written stay in that calendar. */
export async function disconnectCalDav(em: Em, actor: Actor): Promise<TCalendarSettings> {
  const row = await staffCalendarOf(em, actor.userId);
  row.caldavServerUrl = null;
  row.caldavUsername = null;
  row.caldavPasswordWrapped = null;
  row.caldavCalendarUrl = null;
  row.caldavError = null;
  row.caldavErrorAt = null;
  recordAudit(em, actor, { action: 'calendar.disconnect', targetType: 'User', targetId: actor.userId });
  await em.flush();
  return toCalendarSettings(row);
}

/** Notes a failure talking to someone's calendar (shown on their account page), or clears it after a success. */
async function recordOutcome(em: Em, row: StaffCalendarRow, error: unknown, logger?: Logger): Promise<void> {
  const message =
    error === null ? null : error instanceof Error ? error.message : 'The calendar server failed';
  if (message === null && !row.caldavError) return;
  row.caldavError = message?.slice(0, 300) ?? null;
  row.caldavErrorAt = message ? new Date() : null;
  // The message is the server's or ours about the connection: no personal data, and no name in the log.
  if (message) logger?.warn('calendar sync failed', { reason: row.caldavError ?? '' });
  await em.flush();
}

/** An interview's event as each participant's calendar gets it; `location` already filtered for them. */
export interface CalendarEventFor {
  userId: string;
  location: string | null;
}

export interface InterviewCalendarEvent {
  interviewId: string;
  start: Date;
  end: Date;
  summary: string;
  url: string | null;
  description: string;
  sequence: number;
}

/**
 * Writes an interview's event into (or, `event: null`, removes it from) the
 * connected calendars of its participants. Runs after the change is
 * committed, best effort: a calendar that fails does not undo the interview
 * or stop the others; the failure is recorded on that person's calendar
 * settings for them to see.
 */
export async function syncInterviewCalendars(
  em: Em,
  deps: CalendarDeps,
  interviewId: string,
  people: readonly CalendarEventFor[],
  event: InterviewCalendarEvent | null,
): Promise<void> {
  if (people.length === 0) return;
  const fork = em.fork();
  const rows = await fork.find(StaffCalendar, {
    user: { $in: people.map((p) => p.userId) },
    caldavCalendarUrl: { $ne: null },
  });
  await Promise.all(
    rows.map(async (row) => {
      const person = people.find((p) => p.userId === row.user.id)!;
      try {
        const account = await callableAccount(row, deps);
        if (!account) return;
        if (event) await putInterviewEvent(account, interviewId, { ...event, location: person.location });
        else await deleteInterviewEvent(account, interviewId);
        await recordOutcome(fork, row, null);
      } catch (error) {
        await recordOutcome(fork, row, error, deps.logger);
      }
    }),
  );
}

/**
 * Busy times from each person's connected calendar between `from` and `to`.
 * A calendar that cannot be read is reported (and its failure recorded), so
 * the caller can say whose availability is unknown.
 */
export async function connectedBusyTimes(
  em: Em,
  deps: CalendarDeps,
  userIds: readonly string[],
  from: Date,
  to: Date,
): Promise<{ busy: Map<string, Interval[]>; unread: string[] }> {
  const rows = userIds.length
    ? await em.find(StaffCalendar, { user: { $in: [...userIds] }, caldavCalendarUrl: { $ne: null } })
    : [];
  const busy = new Map<string, Interval[]>();
  const unread: string[] = [];
  await Promise.all(
    rows.map(async (row) => {
      try {
        const account = await callableAccount(row, deps);
        if (!account) return;
        busy.set(row.user.id, await calendarBusyTimes(account, from, to, row.timeZone));
        await recordOutcome(em, row, null);
      } catch (error) {
        unread.push(row.user.id);
        await recordOutcome(em, row, error, deps.logger);
      }
    }),
  );
  return { busy, unread };
}
