import type { TNotificationKind } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Application } from './application.entity.js';
import { Candidate } from './candidate.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

/**
 * One staff member's notification (the bell in the backoffice, and the
 * email or daily digest they chose). Its short text may name a candidate,
 * so it is that candidate's data: linked to them, it goes with their
 * erasure and with the anonymization of the application it is about.
 */
export const Notification = defineEntity(
  {
    name: 'Notification',
    // One per event and person (`eventKey`): the periodic checks may run on several instances and more than once.
    uniques: [{ properties: ['tenant', 'user', 'eventKey'] }],
    indexes: [
      { properties: ['user', 'tenant', 'createdAt', 'id'] },
      { properties: ['user', 'tenant', 'readAt'] },
      { properties: ['candidate'] },
      { properties: ['application'] },
    ],
    filters: tenantFilter,
    properties: {
      id: notPersonal(
        p
          .uuid()
          .primary()
          .onCreate(() => newId()),
        'random identifier',
      ),
      tenant: () => p.manyToOne(Tenant),
      /** The staff member it is for. */
      user: () => p.manyToOne(User).deleteRule('cascade'),
      /** The colleague who caused it (who mentioned you), when someone did: the text names nobody on staff. */
      actor: () => p.manyToOne(User).nullable().deleteRule('set null'),
      /** The candidate it is about, so export and erasure reach it. */
      candidate: () => p.manyToOne(Candidate).nullable().deleteRule('cascade'),
      application: () => p.manyToOne(Application).nullable().deleteRule('cascade'),
      kind: notPersonal(p.string().length(30).$type<TNotificationKind>(), 'notification kind'),
      /** Short: the candidate's name (or their blind-review alias) and the job, nothing more. */
      text: personal(p.string().length(300), 'user.name'),
      /** The same line for a blind reviewer while the application is in blind review: the alias instead of the name. */
      blindText: notPersonal(p.string().length(300).nullable(), "a blind-review alias and the job's title"),
      link: notPersonal(p.string().length(300), 'a backoffice path made of record ids'),
      /** Set by the periodic checks ("scorecard_due:<interview id>") so each event notifies once. */
      eventKey: notPersonal(p.string().length(120).nullable(), 'event kind and record ids'),
      readAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      /** When the immediate email or the digest carried it (null: not emailed). */
      emailedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: "Candor's alerts to the hiring team about your application",
    erasure: 'delete',
    onApplicationAnonymized: 'delete',
    export: { copies: 'all' },
  },
);
