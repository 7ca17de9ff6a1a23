import { z } from 'zod';
import { ZId } from './list.js';

/** The IANA zones this runtime knows (Intl), plus UTC, which Intl lists under no name of its own. */
export const TIME_ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone')];
const KNOWN_ZONES = new Set(TIME_ZONES);

export const ZTimeZone = z
  .string()
  .trim()
  .max(64)
  .refine((zone) => KNOWN_ZONES.has(zone), 'Pick a time zone from the list, e.g. Europe/Berlin');
export type TTimeZone = z.infer<typeof ZTimeZone>;

const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use HH:MM, e.g. 09:00');

/** ISO weekdays: 1 is Monday, 7 is Sunday. */
export const WEEKDAY_LABELS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A working week in the person's own zone: ranges per weekday (several a day for a lunch break). */
export const ZWorkingHours = z
  .array(
    z
      .object({ weekday: z.number().int().min(1).max(7), start: ZClock, end: ZClock })
      .refine((r) => r.end > r.start, { path: ['end'], message: 'Ends after it starts' }),
  )
  .max(21);
export type TWorkingHours = z.infer<typeof ZWorkingHours>;

export const DEFAULT_WORKING_HOURS: TWorkingHours = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  start: '09:00',
  end: '17:00',
}));

export const ZCalendarSettingsInput = z.object({ timeZone: ZTimeZone, workingHours: ZWorkingHours });
export type TCalendarSettingsInput = z.input<typeof ZCalendarSettingsInput>;

export const ZCalDavConnectInput = z.object({
  serverUrl: z
    .url({ protocol: /^https?$/, message: 'Enter the calendar server address (https://…)' })
    .max(500),
  username: z.string().trim().min(1, 'Enter the user name').max(254),
  password: z.string().min(1, 'Enter an app password').max(500),
});
export type TCalDavConnectInput = z.input<typeof ZCalDavConnectInput>;

/** One's own calendar settings as the account page shows them; no secret travels back. */
export const ZCalendarSettings = z.object({
  timeZone: z.string(),
  workingHours: ZWorkingHours,
  /** When the current feed link was made; null when there is none. The link itself is shown once. */
  feedCreatedAt: z.iso.datetime().nullable(),
  caldav: z
    .object({
      serverUrl: z.string(),
      username: z.string(),
      calendarUrl: z.string().nullable(),
      error: z.string().nullable(),
      errorAt: z.iso.datetime().nullable(),
    })
    .nullable(),
});
export type TCalendarSettings = z.infer<typeof ZCalendarSettings>;

export const ZCalendarFeedLink = z.object({ url: z.string() });

const ZDay = z.iso.date();
export const ZSlot = z.object({
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
});
export type TSlot = z.infer<typeof ZSlot>;

/** Free times for a group of interviewers: every day from `from` to `to` (both included, in the job's zone). */
export const ZFreeSlotsInput = z
  .object({
    applicationId: ZId,
    interviewerIds: z.array(ZId).min(1, 'Pick at least one interviewer').max(10),
    durationMinutes: z.number().int().min(15).max(240),
    from: ZDay,
    to: ZDay,
  })
  .superRefine((i, ctx) => {
    const days = (Date.parse(i.to) - Date.parse(i.from)) / 86_400_000;
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Ends on or after the first day' });
    else if (days > 20) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Three weeks at most' });
  });
export type TFreeSlotsInput = z.input<typeof ZFreeSlotsInput>;

export const ZFreeSlots = z.object({
  timeZone: z.string(),
  slots: z.array(z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime() })),
  /** Interviewers whose connected calendar could not be read: their busy times there are unknown. */
  calendarsUnread: z.array(z.object({ id: ZId, name: z.string() })),
});
export type TFreeSlots = z.infer<typeof ZFreeSlots>;

const ZMeetingUrl = z
  .url({ protocol: /^https$/, message: 'Use an https:// meeting link' })
  .max(500)
  .nullable()
  .default(null);

export const ZSchedulingLinkCreateInput = z
  .object({
    applicationId: ZId,
    interviewerIds: z.array(ZId).min(1, 'Pick at least one interviewer').max(10),
    title: z.string().trim().min(1).max(80).default('Interview'),
    location: z.string().trim().max(200).nullable().default(null),
    videoUrl: ZMeetingUrl,
    slots: z.array(ZSlot).min(1, 'Offer at least one time').max(30),
  })
  .superRefine((i, ctx) => {
    if (!i.location && !i.videoUrl) {
      ctx.addIssue({ code: 'custom', path: ['location'], message: 'Give a location or a video link' });
    }
    if (i.slots.some((s) => new Date(s.endsAt) <= new Date(s.startsAt))) {
      ctx.addIssue({ code: 'custom', path: ['slots'], message: 'Each time must end after it starts' });
    }
  });
export type TSchedulingLinkCreateInput = z.input<typeof ZSchedulingLinkCreateInput>;

export const ZSchedulingLink = z.object({
  id: ZId,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  bookedAt: z.iso.datetime().nullable(),
  interviewId: ZId.nullable(),
  slots: z.array(z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime() })),
  emailed: z.boolean(),
});
export type TSchedulingLink = z.infer<typeof ZSchedulingLink>;
