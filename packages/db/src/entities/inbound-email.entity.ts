import { p } from '@mikro-orm/core';
import { notPersonal, personal } from '../privacy.js';
import { Application } from './application.entity.js';
import { Candidate } from './candidate.entity.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { OutboxEmail } from './outbox-email.entity.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';

/**
 * A reply a candidate sent to one of our emails, received through the
 * reply address's token (apps/api/src/inbound). Subject and text are sealed
 * under the candidate's data key; the attached documents are Attachment rows
 * (sealed files) that name this row.
 */
export const InboundEmail = defineEntity(
  {
    name: 'InboundEmail',
    indexes: [{ properties: ['candidate', 'receivedAt'] }, { properties: ['tenant', 'receivedAt'] }],
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
      candidate: () => p.manyToOne(Candidate),
      /** The application of the message it answers, when that one was about an application. */
      application: () => p.manyToOne(Application).nullable().deleteRule('set null'),
      /** The message it answers (its reply address's token named it); retention may delete that one first. */
      inReplyTo: () => p.manyToOne(OutboxEmail).nullable().deleteRule('set null'),
      fromAddress: personal(p.string().length(254), 'user.contact.email'),
      fromName: personal(p.string().length(200).nullable(), 'user.name'),
      /** Sealed. */
      subject: personal(p.text(), 'user.recruitment.application'),
      /** Sealed; the whole text, quoted part included (the thread trims it for display only). */
      text: personal(p.text(), 'user.recruitment.application'),
      /** The reply's own Message-ID, so our next message to them can say it answers it. */
      messageId: personal(p.string().length(255).nullable(), 'user.contact.email'),
      /** Files that were not documents Candor stores (images, archives ...) and were left out. */
      attachmentsLeftOut: notPersonal(p.integer().default(0), 'a count'),
      receivedAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  {
    holds: 'candidate',
    source: 'Emails you sent us in reply to ours',
    erasure: 'delete',
    onApplicationAnonymized: 'delete',
    export: { copies: 'all' },
  },
);
