import type { TWorkingHours } from '@candor/schemas';
import { clockMinutes, daysBetween, zonedDay, zonedInstant } from '@candor/schemas/time-zones';
import type { Interval } from './caldav.js';

/** One interviewer as the slot finder sees them: their working week (in their zone) and when they are busy. */
export interface Availability {
  timeZone: string;
  workingHours: TWorkingHours;
  busy: readonly Interval[];
}

/** Offered times start on this grid (in the job's zone): on the hour and the half hour. */
const STEP_MINUTES = 30;
/** Enough to choose from; a longer list helps nobody. */
const MAX_SLOTS = 200;

function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether [start, end) lies inside one of the person's working ranges of that day, in their zone. */
function withinWorkingHours(slot: Interval, person: Availability): boolean {
  const { day, weekday } = zonedDay(slot.start, person.timeZone);
  return person.workingHours.some(
    (range) =>
      range.weekday === weekday &&
      slot.start >= zonedInstant(day, clockMinutes(range.start), person.timeZone) &&
      slot.end <= zonedInstant(day, clockMinutes(range.end), person.timeZone),
  );
}

/**
 * The times every interviewer can make: each day from `from` to `to` (in
 * `timeZone`, the job's), starts every half hour, lasting `durationMinutes`,
 * within each one's working hours in their own zone, clear of their busy
 * times (Candor interviews and their connected calendar), and after `now`.
 */
export function freeSlots(options: {
  from: string;
  to: string;
  timeZone: string;
  durationMinutes: number;
  people: readonly Availability[];
  now: Date;
}): Interval[] {
  const slots: Interval[] = [];
  const length = options.durationMinutes * 60_000;
  for (const day of daysBetween(options.from, options.to)) {
    const dayStart = zonedInstant(day, 0, options.timeZone);
    const dayEnd = zonedInstant(day, 24 * 60, options.timeZone);
    for (let t = dayStart.getTime(); t + length <= dayEnd.getTime(); t += STEP_MINUTES * 60_000) {
      const slot = { start: new Date(t), end: new Date(t + length) };
      if (slot.start <= options.now) continue;
      const free = options.people.every(
        (person) => withinWorkingHours(slot, person) && !person.busy.some((busy) => overlaps(slot, busy)),
      );
      if (free) slots.push(slot);
      if (slots.length >= MAX_SLOTS) return slots;
    }
  }
  return slots;
}
