import { useQuery } from '@tanstack/react-query';
import { trpc } from '../trpc';

export const CALENDAR_KEY = ['calendar', 'mine'] as const;

/** The signed-in person's calendar settings (time zone, working hours, feed, connection). */
export function useCalendarSettings() {
  return useQuery({ queryKey: CALENDAR_KEY, queryFn: () => trpc.calendar.mine.query() });
}

/** The zone this browser is in; offered first when someone picks theirs. */
export const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The zone interview times are typed and shown in: the one on Your account
 * (UTC until set), the zone interview emails to this person use too, so what
 * they typed is what they are sent. Undefined while it loads: a form that
 * needs it waits rather than guessing.
 */
export function useMyTimeZone(): { timeZone: string | undefined; error: unknown } {
  const settings = useCalendarSettings();
  return { timeZone: settings.data?.timeZone, error: settings.error };
}
