import type { TWorkingHours } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { User } from './user.entity.js';

/**
 * A staff member's calendar settings, across every organisation they belong
 * to (a person has one time zone and one working week): the zone their
 * emails use, their working hours (in that zone), the hash of their private
 * ICS feed token (the token itself is shown once), and an optional CalDAV
 * connection whose app password is sealed under the master key
 * (`v1.<iv>.<tag>.<ciphertext>`, re-wrapped by keys:rotate-master).
 */
export const StaffCalendar = defineEntity(
  {
    name: 'StaffCalendar',
    properties: {
      id: notPersonal(
        p
          .uuid()
          .primary()
          .onCreate(() => newId()),
        'random identifier',
      ),
      user: () => p.manyToOne(User).unique(),
      timeZone: notPersonal(p.string().length(64).default('UTC'), 'IANA time zone setting'),
      workingHours: notPersonal(p.json<TWorkingHours>(), 'working-week setting'),
      feedTokenHash: personal(p.string().length(64).nullable().unique(), 'user.authorization.credentials'),
      feedCreatedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      caldavServerUrl: notPersonal(p.string().length(500).nullable(), 'calendar server URL'),
      caldavUsername: personal(p.string().length(254).nullable(), 'user.authorization.credentials'),
      caldavPasswordWrapped: personal(p.string().length(2000).nullable(), 'user.authorization.credentials'),
      /** The calendar (collection) found at the server, where events are read and written. */
      caldavCalendarUrl: notPersonal(p.string().length(1000).nullable(), 'calendar collection URL'),
      /** The last failure talking to the calendar (reading busy times or writing an event); null after a success. */
      caldavError: notPersonal(p.string().length(300).nullable(), 'a technical error message'),
      caldavErrorAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      updatedAt: notPersonal(
        p
          .datetime()
          .onCreate(() => new Date())
          .onUpdate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'staff' },
);
